using System.Text.Json;
using BackOfficeCloud.Data;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Forecasting.Storage;

/// <summary>What a job forecasts: the series, the horizon (explicit, or a number of local days from the next midnight), the grid and method.</summary>
public sealed record ForecastJobSpec(
    IReadOnlyList<SeriesKey> Series, DateTimeOffset? HorizonStart, DateTimeOffset? HorizonEnd, int Days, int IntervalMinutes, string Method);

public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

/// <summary>A job's state and progress as stored.</summary>
public sealed record JobStatus(
    Guid JobId, string State, string Phase, int SeriesDone, int SeriesTotal, string CurrentSeries, string Error,
    IReadOnlyList<Guid> ForecastIds, string Trigger, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public bool IsFinished => State is JobStates.Succeeded or JobStates.Failed;
}

/// <summary>Forecast jobs per tenant: created queued, claimed by one worker, progress written as it goes.</summary>
public sealed class ForecastJobStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task CreateAsync(
        Guid jobId, ForecastJobSpec spec, string trigger, string createdBy, DateTimeOffset now, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var insert = Sql.Command(
            transaction,
            """
            INSERT INTO forecasting.forecast_jobs (tenant_id, job_id, request, state, phase, series_total, trigger, created_by, created_at, updated_at)
            VALUES (current_setting('app.tenant_id', true), $1, $2, 'queued', 'queued', $3, $4, $5, $6, $6)
            """,
            jobId, new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(spec, Json) },
            spec.Series.Count, trigger, createdBy, now.ToUniversalTime());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Takes a queued job for this worker; null when it is gone or another worker has it.</summary>
    public async Task<(ForecastJobSpec Spec, string Trigger, string CreatedBy)?> ClaimAsync(
        Guid jobId, DateTimeOffset now, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(
            """
            UPDATE forecasting.forecast_jobs SET state = 'running', phase = 'loading', updated_at = $2
            WHERE job_id = $1 AND state = 'queued' RETURNING request, trigger, created_by
            """,
            transaction.Connection, transaction);
        claim.Parameters.Add(new NpgsqlParameter { Value = jobId });
        claim.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (JsonSerializer.Deserialize<ForecastJobSpec>(reader.GetString(0), Json)!, reader.GetString(1), reader.GetString(2))
            : null;
    }

    public async Task UpdateAsync(
        Guid jobId, string state, string phase, int seriesDone, string currentSeries, string error, DateTimeOffset now,
        NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var update = Sql.Command(
            transaction,
            """
            UPDATE forecasting.forecast_jobs SET state = $2, phase = $3, series_done = $4, current_series = $5, error = $6, updated_at = $7
            WHERE job_id = $1
            """,
            jobId, state, phase, seriesDone, currentSeries, error, now.ToUniversalTime());

        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<JobStatus?> GetAsync(Guid jobId, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(
            """
            SELECT j.job_id, j.state, j.phase, j.series_done, j.series_total, j.current_series, j.error,
                ARRAY(SELECT f.forecast_id FROM forecasting.forecasts f WHERE f.job_id = j.job_id ORDER BY f.queue),
                j.trigger, j.created_by, j.created_at, j.updated_at
            FROM forecasting.forecast_jobs j WHERE j.job_id = $1
            """,
            transaction.Connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = jobId });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new JobStatus(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetString(5),
                reader.GetString(6), reader.GetFieldValue<Guid[]>(7), reader.GetString(8), reader.GetString(9),
                reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<DateTimeOffset>(11))
            : null;
    }

    /// <summary>
    /// Jobs to run again after a restart, across tenants: queued ones, and running ones whose worker has not written
    /// progress since <paramref name="staleBefore"/> (it stopped). Stale running jobs are put back to queued.
    /// </summary>
    public static async Task<IReadOnlyList<(string TenantId, Guid JobId)>> RecoverAcrossTenantsAsync(
        NpgsqlDataSource dataSource, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        var pending = new List<(string TenantId, Guid JobId, string State)>();
        var (scan, scanTransaction) = await SchedulerTransactions.OpenAsync(dataSource, cancellationToken);
        await using (scan)
        {
            await using var select = new NpgsqlCommand(
                "SELECT tenant_id, job_id, state FROM forecasting.forecast_jobs WHERE state = 'queued' OR (state = 'running' AND updated_at < $1) ORDER BY created_at",
                scan, scanTransaction);
            select.Parameters.Add(new NpgsqlParameter { Value = staleBefore.ToUniversalTime() });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                pending.Add((reader.GetString(0), reader.GetGuid(1), reader.GetString(2)));
            }
        }

        foreach (var (tenant, jobId, _) in pending.Where(p => p.State == JobStates.Running))
        {
            await dataSource.InTenantAsync(tenant, async transaction =>
            {
                await using var requeue = new NpgsqlCommand(
                    "UPDATE forecasting.forecast_jobs SET state = 'queued', phase = 'queued' WHERE job_id = $1 AND state = 'running' AND updated_at < $2",
                    transaction.Connection, transaction);
                requeue.Parameters.Add(new NpgsqlParameter { Value = jobId });
                requeue.Parameters.Add(new NpgsqlParameter { Value = staleBefore.ToUniversalTime() });
                await requeue.ExecuteNonQueryAsync(cancellationToken);
            }, cancellationToken);
        }

        return [.. pending.Select(p => (p.TenantId, p.JobId))];
    }
}
