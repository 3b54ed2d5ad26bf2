using System.Diagnostics;
using BackOfficeCloud.Contracts.Ingestion.V1;
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
/// chunk with its job progress in one transaction, two chunks in the database at once and committed in file order: after
/// a crash the stored rows are whole chunks and the job says how far it got; re-running the same file stores the rest and
/// reports the stored ones as duplicates. Under reject-all the whole file is one transaction and nothing is stored if any
/// row is bad.
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
}
