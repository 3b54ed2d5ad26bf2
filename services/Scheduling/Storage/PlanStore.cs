using System.Text.Json;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Scheduling.Planning;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Scheduling.Storage;

/// <summary>
/// Computed requirements plans, each with the demand a schedule of it must cover; the per queue and interval figures
/// of the latest plan covering an interval are also kept flat in <c>requirements</c>, for queries across plans.
/// </summary>
public sealed class PlanStore
{
    private const string LatestSql = """
        INSERT INTO scheduling.requirements AS r (tenant_id, queue, interval_start, interval_minutes, required_agents, deferrable_minutes, computed_at)
        SELECT current_setting('app.tenant_id', true), e.queue, e.start, $1, e.agents, e.minutes, now()
        FROM unnest($2::text[], $3::timestamptz[], $4::float8[], $5::float8[]) AS e(queue, start, agents, minutes)
        ON CONFLICT (tenant_id, queue, interval_start) DO UPDATE SET interval_minutes = excluded.interval_minutes,
            required_agents = excluded.required_agents, deferrable_minutes = excluded.deferrable_minutes, computed_at = excluded.computed_at
        """;

    public async Task InsertAsync(NpgsqlTransaction transaction, RequirementsPlan plan, ScheduleDemand demand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(plan);
        await using var insert = new NpgsqlCommand(
            "INSERT INTO scheduling.requirement_plans (tenant_id, plan_id, plan, demand) VALUES (current_setting('app.tenant_id', true), $1, $2, $3)",
            transaction.Connection,
            transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(plan.PlanId) });
        insert.Parameters.Add(new NpgsqlParameter { Value = ProtoJson.Format(plan), NpgsqlDbType = NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(demand, SchedulingJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await insert.ExecuteNonQueryAsync(cancellationToken);

        var rows = plan.Queues.SelectMany(q => q.Intervals.Select(i => (q.Queue, Start: i.Start.ToDateTime(), i.TotalAgents, i.DeferrableMinutes))).ToList();
        await using var latest = new NpgsqlCommand(LatestSql, transaction.Connection, transaction);
        latest.Parameters.Add(new NpgsqlParameter { Value = plan.IntervalMinutes });
        latest.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Queue).ToArray() });
        latest.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Start).ToArray() });
        latest.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.TotalAgents).ToArray() });
        latest.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.DeferrableMinutes).ToArray() });
        await latest.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<RequirementsPlan?> GetAsync(NpgsqlTransaction transaction, Guid planId, CancellationToken cancellationToken) =>
        await ReadAsync(transaction, "plan", planId, cancellationToken) is { } json ? ProtoJson.Parse<RequirementsPlan>(json) : null;

    public async Task<ScheduleDemand?> GetDemandAsync(NpgsqlTransaction transaction, Guid planId, CancellationToken cancellationToken) =>
        await ReadAsync(transaction, "demand", planId, cancellationToken) is { } json ? JsonSerializer.Deserialize<ScheduleDemand>(json, SchedulingJson.Options) : null;

    private static async Task<string?> ReadAsync(NpgsqlTransaction transaction, string column, Guid planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var select = new NpgsqlCommand($"SELECT {column}::text FROM scheduling.requirement_plans WHERE plan_id = $1", transaction.Connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = planId });
        return await select.ExecuteScalarAsync(cancellationToken) as string;
    }
}
