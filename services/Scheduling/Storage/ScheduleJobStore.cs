using System.Text.Json;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Scheduling.Model;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Scheduling.Storage;

/// <summary>States of a schedule job; a job ends in exactly one of the last three.</summary>
public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";
}

/// <summary>A job a runner claimed: whose it is and what to solve.</summary>
public sealed record ClaimedJob(string TenantId, Guid JobId, Guid PlanId, TimeSpan TimeLimit, double GapTolerance, ScheduleProblem Problem);

/// <summary>The latest progress of a running solve.</summary>
public sealed record JobProgress(string Phase, double Objective, double LowerBound, double Gap, TimeSpan Elapsed);

/// <summary>
/// Schedule jobs in PostgreSQL: the API creates, reads and cancels them in the tenant's transaction; runners claim,
/// report and recover them across tenants in a runner session (<c>app.job_runner</c>).
/// </summary>
public sealed class ScheduleJobStore(NpgsqlDataSource dataSource)
{
    private const string JobColumns =
        "job_id, state, plan_id, schedule_id, phase, objective, lower_bound, gap, elapsed_seconds, error, time_limit_seconds, employees, gap_tolerance";

    public async Task CreateAsync(
        NpgsqlTransaction transaction, Guid jobId, Guid planId, int timeLimitSeconds, double gapTolerance, ScheduleProblem problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(problem);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO scheduling.schedule_jobs (tenant_id, job_id, plan_id, state, time_limit_seconds, gap_tolerance, employees, problem)
            VALUES (current_setting('app.tenant_id', true), $1, $2, 'queued', $3, $4, $5, $6)
            """,
            transaction.Connection,
            transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = jobId });
        insert.Parameters.Add(new NpgsqlParameter { Value = planId });
        insert.Parameters.Add(new NpgsqlParameter { Value = timeLimitSeconds });
        insert.Parameters.Add(new NpgsqlParameter { Value = gapTolerance });
        insert.Parameters.Add(new NpgsqlParameter { Value = problem.Employees.Count });
        insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(problem, SchedulingJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ScheduleJob?> GetAsync(NpgsqlTransaction transaction, Guid jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var select = new NpgsqlCommand($"SELECT {JobColumns} FROM scheduling.schedule_jobs WHERE job_id = $1", transaction.Connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = jobId });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadJob(reader) : null;
    }

    /// <summary>A queued job is cancelled at once; a running one is asked to stop (its runner sees the flag).</summary>
    public async Task<bool> RequestCancelAsync(NpgsqlTransaction transaction, Guid jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var update = new NpgsqlCommand(
            """
            UPDATE scheduling.schedule_jobs SET cancel_requested = true,
                state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END,
                finished_at = CASE WHEN state = 'queued' THEN now() ELSE finished_at END
            WHERE job_id = $1
            """,
            transaction.Connection,
            transaction);
        update.Parameters.Add(new NpgsqlParameter { Value = jobId });
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Takes the oldest queued job of any tenant for <paramref name="runner"/>; null when none waits.</summary>
    public async Task<ClaimedJob?> ClaimAsync(string runner, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE scheduling.schedule_jobs j SET state = 'running', runner = $1, heartbeat_at = now()
            FROM (SELECT tenant_id, job_id FROM scheduling.schedule_jobs WHERE state = 'queued' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) next
            WHERE j.tenant_id = next.tenant_id AND j.job_id = next.job_id
            RETURNING j.tenant_id, j.job_id, j.plan_id, j.time_limit_seconds, j.gap_tolerance, j.problem::text
            """;
        return await InRunnerSessionAsync(
            async (connection, transaction) =>
            {
                await using var claim = new NpgsqlCommand(Sql, connection, transaction);
                claim.Parameters.Add(new NpgsqlParameter { Value = runner });
                await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken)
                    ? new ClaimedJob(
                        reader.GetString(0), reader.GetGuid(1), reader.GetGuid(2), TimeSpan.FromSeconds(reader.GetInt32(3)), reader.GetDouble(4),
                        JsonSerializer.Deserialize<ScheduleProblem>(reader.GetString(5), SchedulingJson.Options)!)
                    : null;
            },
            cancellationToken);
    }

    /// <summary>Writes progress and the heartbeat; answers whether a cancel was requested.</summary>
    public Task<bool> ReportAsync(ClaimedJob job, JobProgress? progress, CancellationToken cancellationToken) =>
        InRunnerSessionAsync(
            async (connection, transaction) =>
            {
                await using var update = new NpgsqlCommand(
                    """
                    UPDATE scheduling.schedule_jobs SET heartbeat_at = now(), phase = COALESCE($3, phase), objective = COALESCE($4, objective),
                        lower_bound = COALESCE($5, lower_bound), gap = COALESCE($6, gap), elapsed_seconds = COALESCE($7, elapsed_seconds)
                    WHERE tenant_id = $1 AND job_id = $2 RETURNING cancel_requested
                    """,
                    connection,
                    transaction);
                update.Parameters.Add(new NpgsqlParameter { Value = job.TenantId });
                update.Parameters.Add(new NpgsqlParameter { Value = job.JobId });
                update.Parameters.Add(Nullable(progress?.Phase, NpgsqlDbType.Text));
                update.Parameters.Add(Nullable(Finite(progress?.Objective), NpgsqlDbType.Double));
                update.Parameters.Add(Nullable(Finite(progress?.LowerBound), NpgsqlDbType.Double));
                update.Parameters.Add(Nullable(Finite(progress?.Gap), NpgsqlDbType.Double));
                update.Parameters.Add(Nullable(progress?.Elapsed.TotalSeconds, NpgsqlDbType.Double));
                return await update.ExecuteScalarAsync(cancellationToken) is true;
            },
            cancellationToken);

    /// <summary>Ends a job in the tenant's transaction (with the schedule written in the same one).</summary>
    public async Task FinishAsync(NpgsqlTransaction transaction, Guid jobId, string state, Guid? scheduleId, JobProgress? progress, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var update = new NpgsqlCommand(
            """
            UPDATE scheduling.schedule_jobs SET state = $2, schedule_id = $3, error = $4, finished_at = now(), heartbeat_at = now(),
                phase = COALESCE($5, phase), objective = COALESCE($6, objective), lower_bound = COALESCE($7, lower_bound),
                gap = COALESCE($8, gap), elapsed_seconds = COALESCE($9, elapsed_seconds)
            WHERE job_id = $1
            """,
            transaction.Connection,
            transaction);
        update.Parameters.Add(new NpgsqlParameter { Value = jobId });
        update.Parameters.Add(new NpgsqlParameter { Value = state });
        update.Parameters.Add(Nullable(scheduleId, NpgsqlDbType.Uuid));
        update.Parameters.Add(new NpgsqlParameter { Value = error });
        update.Parameters.Add(Nullable(progress?.Phase, NpgsqlDbType.Text));
        update.Parameters.Add(Nullable(Finite(progress?.Objective), NpgsqlDbType.Double));
        update.Parameters.Add(Nullable(Finite(progress?.LowerBound), NpgsqlDbType.Double));
        update.Parameters.Add(Nullable(Finite(progress?.Gap), NpgsqlDbType.Double));
        update.Parameters.Add(Nullable(progress?.Elapsed.TotalSeconds, NpgsqlDbType.Double));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Fails every running job whose heartbeat is older than <paramref name="staleAfter"/>: its runner is gone.</summary>
    public Task<int> FailStaleAsync(TimeSpan staleAfter, CancellationToken cancellationToken) =>
        InRunnerSessionAsync(
            async (connection, transaction) =>
            {
                await using var update = new NpgsqlCommand(
                    """
                    UPDATE scheduling.schedule_jobs SET state = 'failed', finished_at = now(),
                        error = 'the service running the solve stopped (no heartbeat since ' || heartbeat_at || '); create the job again'
                    WHERE state = 'running' AND heartbeat_at < now() - $1
                    """,
                    connection,
                    transaction);
                update.Parameters.Add(new NpgsqlParameter { Value = staleAfter });
                return await update.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    private static ScheduleJob ReadJob(NpgsqlDataReader reader) => new()
    {
        JobId = reader.GetGuid(0).ToString(),
        State = reader.GetString(1),
        PlanId = reader.GetGuid(2).ToString(),
        ScheduleId = reader.IsDBNull(3) ? "" : reader.GetGuid(3).ToString(),
        Phase = reader.GetString(4),
        Objective = reader.GetDouble(5),
        LowerBound = reader.GetDouble(6),
        Gap = reader.GetDouble(7),
        ElapsedSeconds = reader.GetDouble(8),
        Error = reader.GetString(9),
        TimeLimitSeconds = reader.GetInt32(10),
        Employees = reader.GetInt32(11),
        GapTolerance = reader.GetDouble(12),
    };

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    private async Task<T> InRunnerSessionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var session = new NpgsqlCommand("SELECT set_config('app.job_runner', 'on', true)", connection, transaction))
        {
            await session.ExecuteNonQueryAsync(cancellationToken);
        }

        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
