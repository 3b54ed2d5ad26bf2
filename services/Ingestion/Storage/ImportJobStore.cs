using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Ingestion.Kinds;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Storage;

/// <summary>
/// Import jobs and their row errors. Progress is written in the transaction of the chunk it counts, so a job never
/// claims rows that are not stored. A job still "running" whose progress has not moved for <see cref="StaleAfter"/>
/// belonged to a service that stopped: it reads as interrupted.
/// </summary>
public sealed class ImportJobStore(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    private const string Running = "running";

    public async Task CreateAsync(string tenant, Guid jobId, RecordKind kind, string fileName, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO ingestion.import_jobs (tenant_id, job_id, kind, file_name, status, updated_at)
                VALUES (current_setting('app.tenant_id'), $1, $2, $3, 'running', now())
                ON CONFLICT DO NOTHING
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = jobId });
            command.Parameters.Add(new NpgsqlParameter { Value = WireName.Of(kind) });
            command.Parameters.Add(new NpgsqlParameter { Value = fileName });
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new ServiceDefaults.Validation.ValidationException("job_id", $"job {jobId} already exists: leave job_id empty or choose a new one");
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the job's totals and its new row errors inside a chunk's transaction.</summary>
    public async Task RecordProgressAsync(NpgsqlTransaction transaction, Guid jobId, ImportJob totals, IReadOnlyList<RowError> newErrors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(totals);
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        var update = new NpgsqlBatchCommand(
            """
            UPDATE ingestion.import_jobs SET status = $2, rows_read = $3, accepted = $4, updated = $5, duplicates = $6, rejected = $7,
                bytes_read = $8, failure = $9, finished_at = CASE WHEN $2 = 'running' THEN NULL ELSE now() END, updated_at = now()
            WHERE tenant_id = current_setting('app.tenant_id') AND job_id = $1
            """);
        update.Parameters.Add(new NpgsqlParameter { Value = jobId });
        update.Parameters.Add(new NpgsqlParameter { Value = StatusName(totals.Status) });
        foreach (var count in new[] { totals.RowsRead, totals.Accepted, totals.Updated, totals.Duplicates, totals.Rejected, totals.BytesRead })
        {
            update.Parameters.Add(new NpgsqlParameter { Value = count });
        }

        update.Parameters.Add(new NpgsqlParameter { Value = totals.Failure });
        batch.BatchCommands.Add(update);
        if (newErrors.Count > 0)
        {
            var errors = new NpgsqlBatchCommand(
                """
                INSERT INTO ingestion.import_job_errors (tenant_id, job_id, row_number, field, value, reason)
                SELECT current_setting('app.tenant_id'), $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[])
                """);
            errors.Parameters.Add(new NpgsqlParameter { Value = jobId });
            errors.Parameters.Add(new NpgsqlParameter { Value = newErrors.Select(e => e.Row).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            errors.Parameters.Add(new NpgsqlParameter { Value = newErrors.Select(e => e.Field).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            errors.Parameters.Add(new NpgsqlParameter { Value = newErrors.Select(e => e.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            errors.Parameters.Add(new NpgsqlParameter { Value = newErrors.Select(e => e.Reason).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            batch.BatchCommands.Add(errors);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records progress in a transaction of its own (the job's end, or a failure after the last chunk).</summary>
    public async Task RecordProgressAsync(string tenant, Guid jobId, ImportJob totals, IReadOnlyList<RowError> newErrors, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            await RecordProgressAsync(transaction, jobId, totals, newErrors, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ImportJob?> GetAsync(string tenant, Guid jobId, int maxErrors, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT kind, status, file_name, rows_read, accepted, updated, duplicates, rejected, bytes_read, started_at, finished_at,
                       failure, updated_at < now() - $2
                FROM ingestion.import_jobs WHERE tenant_id = current_setting('app.tenant_id') AND job_id = $1
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = jobId });
            command.Parameters.Add(new NpgsqlParameter { Value = StaleAfter, NpgsqlDbType = NpgsqlDbType.Interval });
            ImportJob job;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                var status = reader.GetString(1);
                job = new ImportJob
                {
                    JobId = jobId.ToString(),
                    Kind = KindNamed(reader.GetString(0)),
                    Status = status == Running && reader.GetBoolean(12) ? ImportJobStatus.Interrupted : StatusNamed(status),
                    FileName = reader.GetString(2),
                    RowsRead = reader.GetInt64(3),
                    Accepted = reader.GetInt64(4),
                    Updated = reader.GetInt64(5),
                    Duplicates = reader.GetInt64(6),
                    Rejected = reader.GetInt64(7),
                    BytesRead = reader.GetInt64(8),
                    StartedAt = Timestamp.FromDateTime(reader.GetFieldValue<DateTime>(9)),
                    FinishedAt = reader.IsDBNull(10) ? null : Timestamp.FromDateTime(reader.GetFieldValue<DateTime>(10)),
                    Failure = reader.GetString(11),
                };
            }

            await using var errors = new NpgsqlCommand(
                """
                SELECT row_number, field, value, reason FROM ingestion.import_job_errors
                WHERE tenant_id = current_setting('app.tenant_id') AND job_id = $1 ORDER BY row_number LIMIT $2
                """, connection, transaction);
            errors.Parameters.Add(new NpgsqlParameter { Value = jobId });
            errors.Parameters.Add(new NpgsqlParameter { Value = maxErrors });
            await using var errorReader = await errors.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await errorReader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                job.Errors.Add(new RowError { Row = errorReader.GetInt64(0), Field = errorReader.GetString(1), Value = errorReader.GetString(2), Reason = errorReader.GetString(3) });
            }

            return job;
        }
    }

    public static string StatusName(ImportJobStatus status) => WireName.Of(status);

    private static ImportJobStatus StatusNamed(string name) =>
        System.Enum.GetValues<ImportJobStatus>().First(s => WireName.Of(s) == name);

    private static RecordKind KindNamed(string name) => System.Enum.GetValues<RecordKind>().First(k => WireName.Of(k) == name);
}
