using System.Collections.Concurrent;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Metrics;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.Ingestion.Validation;
using BackOfficeCloud.Messaging.Outbox;
using Google.Protobuf;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Pipeline;

/// <summary>
/// One batch of one kind inside the caller's tenant transaction: check every row (against the tenant's roster and
/// stored work items too), write the valid ones, derive flags and state, and put their events in the outbox as CloudEvents
/// batches, so the rows and their events commit together.
/// </summary>
public sealed class IngestPipeline(IEventOutbox outbox, IngestionMetrics metrics, StageTimings timings, TimeProvider clock)
{
    private const string QueuesSql = "SELECT source_id FROM ingestion.roster_queues WHERE tenant_id = current_setting('app.tenant_id')";
    // one primary-key lookup per referenced item (see BatchLookups)
    private const string WorkItemsSql = """
        SELECT w.source_id FROM unnest($1::text[]) AS i(item)
        CROSS JOIN LATERAL (SELECT source_id FROM ingestion.work_items WHERE tenant_id = current_setting('app.tenant_id') AND source_id = i.item LIMIT 1) w
        """;

    // A batch's statements take its values as arrays, so one plan fits every batch; left to choose, PostgreSQL plans the
    // first five executions of each on every pooled connection anew around the values (10,000-element columns, the outbox's
    // envelopes) — in bench ingest a third of the upserts and outbox inserts.
    private const string GenericPlansSql = "SET LOCAL plan_cache_mode = force_generic_plan";

    private readonly ConcurrentDictionary<RecordKind, object> _writers = new();

    public StageTimings Timings => timings;

    public async Task<ValidatedBatch<T>> ValidateAsync<T>(
        IRecordKind<T> kind, NpgsqlTransaction transaction, IReadOnlyList<RowRecord<T>> rows, BatchTimer timer, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(rows);
        var context = await ContextAsync(kind, transaction, rows, cancellationToken).ConfigureAwait(false);
        var valid = new List<RowRecord<T>>(rows.Count);
        var errors = new List<RowError>();
        foreach (var row in rows)
        {
            var rowErrors = new RowErrors(row.Row);
            kind.Validate(row.Record, rowErrors, context);
            if (rowErrors.Any)
            {
                errors.AddRange(rowErrors.Errors);
            }
            else
            {
                valid.Add(row);
            }
        }

        timer.Lap("validate");
        return new ValidatedBatch<T>(valid, errors, rows.Count - valid.Count);
    }

    public async Task<WriteCounts> WriteAsync<T>(
        IRecordKind<T> kind, string tenant, NpgsqlTransaction transaction, IReadOnlyList<RowRecord<T>> valid, BatchTimer timer,
        CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(timer);
        var writer = (RecordWriter<T>)_writers.GetOrAdd(kind.Kind, _ => new RecordWriter<T>(kind));
        await using (var generic = new NpgsqlCommand(GenericPlansSql, transaction.Connection, transaction))
        {
            await generic.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var stored = await writer.WriteAsync(transaction, tenant, valid, timer, cancellationToken).ConfigureAwait(false);
        var changed = stored.Where(s => s.Outcome != StoreOutcome.Duplicate).ToList();
        if (changed.Count > 0)
        {
            var events = await kind.EventsAsync(tenant, changed, transaction, cancellationToken).ConfigureAwait(false);
            timer.Lap("derive");
            // one key per tenant and kind keeps a tenant's stream of one kind in order, in batches of up to a thousand events
            await outbox.EnqueueBatchAsync(transaction, $"{tenant}:{kind.Name}", events, cancellationToken).ConfigureAwait(false);
            timer.Lap("outbox");
        }

        metrics.ObserveLag(kind.Name, changed, s => kind.OccurredAt(s.Record), clock.GetUtcNow());

        var inserted = changed.Count(s => s.Outcome == StoreOutcome.Inserted);
        return new WriteCounts(inserted, changed.Count - inserted, stored.Count - changed.Count);
    }

    /// <summary>Counts a finished (committed or refused) batch in the metrics.</summary>
    public void Count(string kind, string tenant, WriteCounts written, long rejected)
    {
        metrics.Count(kind, tenant, "accepted", written.Accepted);
        metrics.Count(kind, tenant, "updated", written.Updated);
        metrics.Count(kind, tenant, "duplicate", written.Duplicates);
        metrics.Count(kind, tenant, "rejected", rejected);
    }

    private async Task<IngestContext> ContextAsync<T>(
        IRecordKind<T> kind, NpgsqlTransaction transaction, IReadOnlyList<RowRecord<T>> rows, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        HashSet<string>? queues = null;
        if (rows.Any(r => kind.QueueOf(r.Record) is not null))
        {
            queues = await ReadIdsAsync(transaction, QueuesSql, null, cancellationToken).ConfigureAwait(false);
            queues = queues.Count == 0 ? null : queues;
        }

        var itemIds = rows.Select(r => kind.WorkItemOf(r.Record)).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var items = itemIds.Length == 0 ? [] : await ReadIdsAsync(transaction, WorkItemsSql, itemIds, cancellationToken).ConfigureAwait(false);
        return new IngestContext(clock.GetUtcNow(), queues, items);
    }

    private static async Task<HashSet<string>> ReadIdsAsync(NpgsqlTransaction transaction, string sql, string[]? ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        if (ids is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }

        var result = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
