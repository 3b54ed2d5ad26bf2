using System.Diagnostics;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Metrics;
using BackOfficeCloud.Ingestion.Pipeline;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.ServiceDefaults.Validation;
using CsvHelper;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace BackOfficeCloud.Ingestion.Imports;

/// <summary>
/// Reads a file as it streams in and writes it in chunks of <see cref="IngestionOptions.ImportChunkRows"/> rows, each
/// chunk with its job progress in one transaction: after a crash the stored rows are whole chunks and the job says how
/// far it got; re-running the same file stores the rest and reports the stored ones as duplicates. Under reject-all the
/// whole file is one transaction and nothing is stored if any row is bad.
/// </summary>
public sealed partial class ImportRunner(
    NpgsqlDataSource dataSource, RecordKinds kinds, IngestPipeline pipeline, ImportJobStore jobs, IngestionMetrics metrics,
    IngestionOptions options, TimeProvider clock, ILogger<ImportRunner> logger)
{
    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly IngestPipeline _pipeline = pipeline;
    private readonly ImportJobStore _jobs = jobs;
    private readonly IngestionOptions _options = options;
    private readonly TimeProvider _clock = clock;

    public Task<ImportJob> RunAsync(string tenant, ImportHeader header, Stream input, Func<long> bytesRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Kind switch
        {
            RecordKind.Interaction => RunAsync(kinds.Interactions, tenant, header, input, bytesRead, cancellationToken),
            RecordKind.IntervalStatistic => RunAsync(kinds.IntervalStatistics, tenant, header, input, bytesRead, cancellationToken),
            RecordKind.WorkItem => RunAsync(kinds.WorkItems, tenant, header, input, bytesRead, cancellationToken),
            RecordKind.WorkItemEvent => RunAsync(kinds.WorkItemEvents, tenant, header, input, bytesRead, cancellationToken),
            RecordKind.AgentState => RunAsync(kinds.AgentStates, tenant, header, input, bytesRead, cancellationToken),
            RecordKind.RosterAgent => RunAsync(kinds.RosterAgents, tenant, header, input, bytesRead, cancellationToken),
            RecordKind.RosterQueue => RunAsync(kinds.RosterQueues, tenant, header, input, bytesRead, cancellationToken),
            _ => throw new ValidationException("header.kind", $"'{header.Kind}' is not a kind: use one of {string.Join(", ", RecordKinds.ByName.Keys)}"),
        };
    }

    private async Task<ImportJob> RunAsync<T>(
        IRecordKind<T> kind, string tenant, ImportHeader header, Stream input, Func<long> bytesRead, CancellationToken cancellationToken)
        where T : class, IMessage<T>, new()
    {
        var jobId = JobId(header.JobId);
        IRecordSource<T> source = header.Format == FileFormat.JsonLines
            ? new JsonLinesRecordSource<T>(input)
            : new CsvRecordSource<T>(input, header.Mapping ?? new ColumnMapping());
        await _jobs.CreateAsync(tenant, jobId, kind.Kind, header.FileName, cancellationToken).ConfigureAwait(false);
        var run = new ImportRun<T>(this, kind, tenant, jobId, header, bytesRead);
        var job = run.Job;
        var duration = Stopwatch.StartNew();
        try
        {
            await run.ExecuteAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CsvFormatException or IOException or InvalidDataException or ValidationException or NpgsqlException)
        {
            job.Status = ImportJobStatus.Failed;
            job.Failure = e switch
            {
                CsvFormatException csv => $"line {csv.LineNumber}: {csv.Message}",
                NpgsqlException => $"the database refused a chunk ({WithCauses(e)}); "
                    + (header.Policy == InvalidRowPolicy.RejectAll
                        ? "under reject-all the file is one transaction, so nothing was stored: re-run the same file"
                        : "the chunks before it are stored: re-run the same file to complete it"),
                _ => e.Message,
            };
            LogImportFailed(jobId, kind.Name, job.RowsRead, e);
        }
        catch (OperationCanceledException)
        {
            job.Status = ImportJobStatus.Interrupted;
            job.Failure = "the upload stopped before the end of the file; re-run the same file to complete it";
        }

        job.FinishedAt = Timestamp.FromDateTimeOffset(_clock.GetUtcNow());
        await run.RecordAsync(CancellationToken.None).ConfigureAwait(false);
        metrics.ObserveJob(kind.Name, ImportJobStore.StatusName(job.Status), duration.Elapsed);
        return job;
    }

    /// <summary>The message and its inner causes ("Exception while reading from stream" alone does not say why).</summary>
    private static string WithCauses(Exception e)
    {
        var causes = new List<string>();
        for (var cause = e; cause is not null; cause = cause.InnerException)
        {
            causes.Add(cause.Message);
        }

        return string.Join(": ", causes);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Import job {JobId} of {Kind} failed after {RowsRead} rows")]
    private partial void LogImportFailed(Guid jobId, string kind, long rowsRead, Exception exception);

    private static Guid JobId(string requested)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return Guid.NewGuid();
        }

        return Guid.TryParse(requested, out var id) ? id : throw new ValidationException("header.job_id", $"'{requested}' is not a UUID");
    }

    /// <summary>One job's state while it runs.</summary>
    private sealed class ImportRun<T>(ImportRunner runner, IRecordKind<T> kind, string tenant, Guid jobId, ImportHeader header, Func<long> bytesRead)
        where T : class, IMessage<T>, new()
    {
        private readonly IngestTally _tally = new(runner._options.MaxImportErrors);
        private readonly bool _rejectAll = header.Policy == InvalidRowPolicy.RejectAll;
        private int _errorsRecorded;

        public ImportJob Job { get; } = new()
        {
            JobId = jobId.ToString(), Kind = kind.Kind, Status = ImportJobStatus.Running, FileName = header.FileName,
            StartedAt = Timestamp.FromDateTimeOffset(runner._clock.GetUtcNow()),
        };

        public async Task ExecuteAsync(IRecordSource<T> source, CancellationToken cancellationToken)
        {
            NpgsqlConnection? connection = null;
            NpgsqlTransaction? wholeFile = null;
            if (_rejectAll)
            {
                (connection, wholeFile) = await runner._dataSource.OpenTenantTransactionAsync(tenant, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var pending = default(WriteCounts);
                await Prefetch.RunAsync(
                    ChunksOf(source, cancellationToken),
                    async chunk => pending = Add(pending, await ChunkAsync(chunk, wholeFile, cancellationToken).ConfigureAwait(false)),
                    capacity: 1, cancellationToken).ConfigureAwait(false);
                Job.Status = ImportJobStatus.Succeeded;
                if (wholeFile is not null)
                {
                    await FinishWholeFileAsync(wholeFile, pending, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        /// <summary>Writes the job's final state (and the errors not yet written) in a transaction of its own.</summary>
        public async Task RecordAsync(CancellationToken cancellationToken)
        {
            Snapshot();
            await runner._jobs.RecordProgressAsync(tenant, jobId, Job, NewErrors(), cancellationToken).ConfigureAwait(false);
            _errorsRecorded = _tally.Errors.Count;
        }

        /// <summary>The file's rows in chunks of <see cref="IngestionOptions.ImportChunkRows"/>; the last one (even empty) records the end.</summary>
        private async IAsyncEnumerable<List<ImportRow<T>>> ChunksOf(
            IRecordSource<T> source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var size = runner._options.ImportChunkRows;
            var chunk = new List<ImportRow<T>>(size);
            await foreach (var row in source.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                chunk.Add(row);
                if (chunk.Count == size)
                {
                    yield return chunk;
                    chunk = new List<ImportRow<T>>(size);
                }
            }

            yield return chunk;
        }

        private async Task<WriteCounts> ChunkAsync(List<ImportRow<T>> chunk, NpgsqlTransaction? wholeFile, CancellationToken cancellationToken)
        {
            var checkpoint = _tally.Checkpoint();
            var timer = runner._pipeline.Timings.Start();
            _tally.AddRejected(chunk.Where(r => r.Record is null).SelectMany(r => r.Errors));
            var rows = chunk.Where(r => r.Record is not null).Select(r => new RowRecord<T>(r.Line, r.Record!)).ToList();
            if (wholeFile is not null)
            {
                var validated = await runner._pipeline.ValidateAsync(kind, wholeFile, rows, timer, cancellationToken).ConfigureAwait(false);
                _tally.AddValidated(validated);
                // once a row is bad nothing will be stored: the rest is only checked
                return _tally.Rejected > 0 ? default : await runner._pipeline.WriteAsync(kind, tenant, wholeFile, validated.Valid, timer, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var (connection, transaction) = await runner._dataSource.OpenTenantTransactionAsync(tenant, cancellationToken).ConfigureAwait(false);
                await using (connection)
                await using (transaction)
                {
                    var validated = await runner._pipeline.ValidateAsync(kind, transaction, rows, timer, cancellationToken).ConfigureAwait(false);
                    _tally.AddValidated(validated);
                    var written = await runner._pipeline.WriteAsync(kind, tenant, transaction, validated.Valid, timer, cancellationToken).ConfigureAwait(false);
                    _tally.AddWritten(written);
                    Snapshot();
                    await runner._jobs.RecordProgressAsync(transaction, jobId, Job, NewErrors(), cancellationToken).ConfigureAwait(false);
                    timer.Lap("progress");
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    timer.Lap("commit");
                    _errorsRecorded = _tally.Errors.Count;
                    runner._pipeline.Count(kind.Name, tenant, written, validated.Rejected + chunk.Count - rows.Count);
                    runner._pipeline.Timings.Report(kind.Name, chunk.Count, timer);
                    return written;
                }
            }
            catch
            {
                // the chunk did not commit: the job reports only what is stored
                _tally.Restore(checkpoint);
                throw;
            }
        }

        private async Task FinishWholeFileAsync(NpgsqlTransaction wholeFile, WriteCounts written, CancellationToken cancellationToken)
        {
            if (_tally.Rejected > 0)
            {
                await wholeFile.RollbackAsync(cancellationToken).ConfigureAwait(false);
                Job.Status = ImportJobStatus.Failed;
                Job.Failure = $"{_tally.Rejected} rows are invalid and the policy is reject-all: nothing was stored";
                runner._pipeline.Count(kind.Name, tenant, default, _tally.Received);
                return;
            }

            _tally.AddWritten(written);
            Snapshot();
            await runner._jobs.RecordProgressAsync(wholeFile, jobId, Job, [], cancellationToken).ConfigureAwait(false);
            await wholeFile.CommitAsync(cancellationToken).ConfigureAwait(false);
            runner._pipeline.Count(kind.Name, tenant, written, 0);
        }

        private void Snapshot()
        {
            Job.RowsRead = _tally.Received;
            Job.Accepted = _tally.Accepted;
            Job.Updated = _tally.Updated;
            Job.Duplicates = _tally.Duplicates;
            Job.Rejected = _tally.Rejected;
            Job.BytesRead = bytesRead();
            Job.Errors.Clear();
            Job.Errors.AddRange(_tally.Errors);
        }

        private List<RowError> NewErrors() => _tally.Errors.Skip(_errorsRecorded).ToList();

        private static WriteCounts Add(WriteCounts a, WriteCounts b) => new(a.Accepted + b.Accepted, a.Updated + b.Updated, a.Duplicates + b.Duplicates);
    }
}
