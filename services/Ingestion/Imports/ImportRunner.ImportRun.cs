using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Pipeline;
using BackOfficeCloud.Ingestion.Storage;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace BackOfficeCloud.Ingestion.Imports;

public sealed partial class ImportRunner
{
    /// <summary>One job's state while it runs.</summary>
    private sealed class ImportRun<T>(ImportRunner runner, IRecordKind<T> kind, string tenant, Guid jobId, ImportHeader header, Func<long> bytesRead)
        where T : class, IMessage<T>, new()
    {
        private readonly IngestTally _tally = new(runner._options.MaxImportErrors);
        private int _errorsRecorded;

        public ImportJob Job { get; } = new()
        {
            JobId = jobId.ToString(), Kind = kind.Kind, Status = ImportJobStatus.Running, FileName = header.FileName,
            StartedAt = Timestamp.FromDateTimeOffset(runner._clock.GetUtcNow()),
        };

        public Task ExecuteAsync(IRecordSource<T> source, CancellationToken cancellationToken) =>
            header.Policy == InvalidRowPolicy.RejectAll ? WholeFileAsync(source, cancellationToken) : InChunksAsync(source, cancellationToken);

        /// <summary>Writes the job's final state (and the errors not yet written) in a transaction of its own.</summary>
        public async Task RecordAsync(CancellationToken cancellationToken)
        {
            Snapshot();
            await runner._jobs.RecordProgressAsync(tenant, jobId, Job, NewErrors(), cancellationToken).ConfigureAwait(false);
            _errorsRecorded = _tally.Errors.Count;
        }

        /// <summary>
        /// Each chunk in a transaction of its own. A chunk does its database work while the one before it is still in the
        /// database (one session waits on the server while the other runs here), and commits after it, so chunks commit
        /// in file order and the job's progress counts whole committed chunks; rows that depend on the chunk in flight
        /// wait for it (<see cref="ChunkSplitter{T}"/>).
        /// </summary>
        private async Task InChunksAsync(IRecordSource<T> source, CancellationToken cancellationToken)
        {
            var splitter = new ChunkSplitter<T>(kind, runner._options.ImportChunkRows / 2);
            var inFlight = Task.CompletedTask;
            try
            {
                await Prefetch.RunAsync(
                    ChunksOf(source, cancellationToken),
                    async chunk =>
                    {
                        var (rows, afterInFlight) = splitter.Next(chunk.Rows, chunk.Last);
                        if (afterInFlight)
                        {
                            await inFlight.ConfigureAwait(false);
                        }

                        var before = inFlight;
                        inFlight = WriteChunkAsync(rows, before, cancellationToken);
                        await before.ConfigureAwait(false);   // at most two chunks in the database at once
                    },
                    capacity: 1, cancellationToken).ConfigureAwait(false);
                await inFlight.ConfigureAwait(false);
                Job.Status = ImportJobStatus.Succeeded;
            }
            finally
            {
                // after a failure the chunk still in flight rolls back (it sees the one before it fail, or fails itself)
                // before the job's end is recorded
                await inFlight.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        /// <summary>Validates and writes a chunk; once <paramref name="before"/> has committed, counts it, records the job's progress in the same transaction and commits.</summary>
        private async Task WriteChunkAsync(List<ImportRow<T>> chunk, Task before, CancellationToken cancellationToken)
        {
            var timer = runner._pipeline.Timings.Start();
            var rows = Readable(chunk);
            var (connection, transaction) = await runner._dataSource.OpenTenantTransactionAsync(tenant, cancellationToken).ConfigureAwait(false);
            await using (connection)
            await using (transaction)
            {
                var validated = await runner._pipeline.ValidateAsync(kind, transaction, rows, timer, cancellationToken).ConfigureAwait(false);
                var written = await runner._pipeline.WriteAsync(kind, tenant, transaction, validated.Valid, timer, cancellationToken).ConfigureAwait(false);
                await before.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (!before.IsCompletedSuccessfully)
                {
                    return;   // the chunk before did not commit, and the job reports why: this one rolls back
                }

                timer.Lap("wait");
                var checkpoint = _tally.Checkpoint();
                try
                {
                    CountRead(chunk, validated);
                    _tally.AddWritten(written);
                    Snapshot();
                    await runner._jobs.RecordProgressAsync(transaction, jobId, Job, NewErrors(), cancellationToken).ConfigureAwait(false);
                    timer.Lap("progress");
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    timer.Lap("commit");
                }
                catch
                {
                    // the chunk did not commit: the job reports only what is stored
                    _tally.Restore(checkpoint);
                    throw;
                }

                _errorsRecorded = _tally.Errors.Count;
                runner._pipeline.Count(kind.Name, tenant, written, validated.Rejected + chunk.Count - rows.Count);
                runner._pipeline.Timings.Report(kind.Name, chunk.Count, timer);
            }
        }

        /// <summary>Under reject-all the whole file is one transaction, committed only when no row is bad.</summary>
        private async Task WholeFileAsync(IRecordSource<T> source, CancellationToken cancellationToken)
        {
            var (connection, transaction) = await runner._dataSource.OpenTenantTransactionAsync(tenant, cancellationToken).ConfigureAwait(false);
            await using (connection)
            await using (transaction)
            {
                var written = default(WriteCounts);
                await Prefetch.RunAsync(
                    ChunksOf(source, cancellationToken),
                    async chunk => written = Add(written, await CheckChunkAsync(chunk.Rows, transaction, cancellationToken).ConfigureAwait(false)),
                    capacity: 1, cancellationToken).ConfigureAwait(false);
                Job.Status = ImportJobStatus.Succeeded;
                await FinishWholeFileAsync(transaction, written, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<WriteCounts> CheckChunkAsync(List<ImportRow<T>> chunk, NpgsqlTransaction wholeFile, CancellationToken cancellationToken)
        {
            var timer = runner._pipeline.Timings.Start();
            var validated = await runner._pipeline.ValidateAsync(kind, wholeFile, Readable(chunk), timer, cancellationToken).ConfigureAwait(false);
            CountRead(chunk, validated);
            // once a row is bad nothing will be stored: the rest is only checked
            return _tally.Rejected > 0 ? default : await runner._pipeline.WriteAsync(kind, tenant, wholeFile, validated.Valid, timer, cancellationToken).ConfigureAwait(false);
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

        /// <summary>The file's rows in chunks of <see cref="IngestionOptions.ImportChunkRows"/>; the last one (even empty) records the end.</summary>
        private async IAsyncEnumerable<(List<ImportRow<T>> Rows, bool Last)> ChunksOf(
            IRecordSource<T> source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var size = runner._options.ImportChunkRows;
            var chunk = new List<ImportRow<T>>(size);
            await foreach (var row in source.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                chunk.Add(row);
                if (chunk.Count == size)
                {
                    yield return (chunk, false);
                    chunk = new List<ImportRow<T>>(size);
                }
            }

            yield return (chunk, true);
        }

        /// <summary>The rows that were read into records (the others failed in the reader and are only counted).</summary>
        private static List<RowRecord<T>> Readable(List<ImportRow<T>> chunk) =>
            chunk.Where(r => r.Record is not null).Select(r => new RowRecord<T>(r.Line, r.Record!)).ToList();

        private void CountRead(List<ImportRow<T>> chunk, ValidatedBatch<T> validated)
        {
            _tally.AddRejected(chunk.Where(r => r.Record is null).SelectMany(r => r.Errors));
            _tally.AddValidated(validated);
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
