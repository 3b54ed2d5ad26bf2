using System.Text.Json;
using BackOfficeCloud.Planning.Scheduling.Model;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Scheduling.Storage;

/// <summary>One version of a schedule with the problem it solves; <paramref name="Violations"/> are the checker's findings.</summary>
public sealed record StoredSchedule(
    Guid ScheduleId, int Version, Guid PlanId, Guid JobId, ScheduleProblem Problem, ScheduleResult Result, IReadOnlyList<string> Violations, DateTimeOffset? PublishedAt);

/// <summary>Every version of every schedule: the solver's (version 1) and each intraday re-plan.</summary>
public sealed class ScheduleStore
{
    private const string Columns = "schedule_id, version, plan_id, job_id, problem::text, result::text, violations::text, published_at";

    public async Task InsertAsync(NpgsqlTransaction transaction, StoredSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(schedule);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO scheduling.schedules (tenant_id, schedule_id, version, plan_id, job_id, problem, result, violations)
            VALUES (current_setting('app.tenant_id', true), $1, $2, $3, $4, $5, $6, $7)
            """,
            transaction.Connection,
            transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = schedule.ScheduleId });
        insert.Parameters.Add(new NpgsqlParameter { Value = schedule.Version });
        insert.Parameters.Add(new NpgsqlParameter { Value = schedule.PlanId });
        insert.Parameters.Add(new NpgsqlParameter { Value = schedule.JobId });
        insert.Parameters.Add(Json(schedule.Problem));
        insert.Parameters.Add(Json(schedule.Result));
        insert.Parameters.Add(Json(schedule.Violations));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The given version, or the latest when <paramref name="version"/> is 0; null when there is none.</summary>
    public async Task<StoredSchedule?> GetAsync(NpgsqlTransaction transaction, Guid scheduleId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var select = new NpgsqlCommand(
            $"SELECT {Columns} FROM scheduling.schedules WHERE schedule_id = $1 AND ($2 = 0 OR version = $2) ORDER BY version DESC LIMIT 1",
            transaction.Connection,
            transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = scheduleId });
        select.Parameters.Add(new NpgsqlParameter { Value = version });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredSchedule(
            reader.GetGuid(0),
            reader.GetInt32(1),
            reader.GetGuid(2),
            reader.GetGuid(3),
            Parse<ScheduleProblem>(reader.GetString(4)),
            Parse<ScheduleResult>(reader.GetString(5)),
            Parse<List<string>>(reader.GetString(6)),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7));
    }

    /// <summary>Marks a version published (again: the time is refreshed) and returns when.</summary>
    public async Task<DateTimeOffset> MarkPublishedAsync(NpgsqlTransaction transaction, Guid scheduleId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var update = new NpgsqlCommand(
            "UPDATE scheduling.schedules SET published_at = now() WHERE schedule_id = $1 AND version = $2 RETURNING published_at",
            transaction.Connection,
            transaction);
        update.Parameters.Add(new NpgsqlParameter { Value = scheduleId });
        update.Parameters.Add(new NpgsqlParameter { Value = version });
        return (DateTime)(await update.ExecuteScalarAsync(cancellationToken))!;
    }

    private static NpgsqlParameter Json<T>(T value) =>
        new() { Value = JsonSerializer.Serialize(value, SchedulingJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static T Parse<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, SchedulingJson.Options) ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is null.");
}
