using System.Text.Json;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Scheduling.Planning;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Scheduling.Storage;

/// <summary>Computed requirements plans, each with the demand a schedule of it must cover.</summary>
public sealed class PlanStore
{
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
