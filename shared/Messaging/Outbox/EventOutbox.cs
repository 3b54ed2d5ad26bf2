using BackOfficeCloud.Messaging.Publishing;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Messaging.Outbox;

/// <summary>
/// Writes outbox rows. Consecutive events of one topic and tenant enqueued together share one row (packed: their
/// envelopes as a JSON array, their keys in <c>event_keys</c>); the relay still publishes each as its own message under
/// its own key. One row instead of one per event is most of PostgreSQL's outbox work saved (insert, index, delete, WAL).
/// </summary>
// COPY FROM is refused on tables with row-level security, so rows go in with INSERT ... SELECT FROM unnest(arrays).
internal sealed class EventOutbox(string schema, EnvelopeFactory envelopes, int batchMaxEvents, int batchMaxBytes) : IEventOutbox
{
    private const string Columns = "tenant_id, topic, message_key, event_type, envelope, batch_events, event_keys";

    // A packed row's envelope stays under .NET's large-object threshold (85,000 bytes): the writer building it and the relay
    // reading it then allocate in the young generation, not on the large-object heap, whose every allocation is zeroed
    // fresh memory and counts toward a full (gen 2) collection.
    private const int PackedRowMaxBytes = 64 * 1024;

    private readonly string _insertMany = $"""
        INSERT INTO {schema}.outbox ({Columns})
        SELECT *, NULL FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::integer[])
        """;

    private readonly string _insertOne = $"INSERT INTO {schema}.outbox ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7)";

    public Task EnqueueAsync(NpgsqlTransaction transaction, OutgoingEvent outgoing, CancellationToken cancellationToken = default) =>
        EnqueueAsync(transaction, [outgoing], cancellationToken);

    public Task EnqueueAsync(NpgsqlTransaction transaction, IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = new List<OutboxRow>();
        foreach (var run in RunsOfOneTopicAndTenant(events))
        {
            if (run.Count == 1)
            {
                rows.Add(new OutboxRow(run[0].TenantId, run[0].Type, envelopes.Create(run[0])));
                continue;
            }

            foreach (var packed in envelopes.Join(run, batchMaxEvents, Math.Min(batchMaxBytes, PackedRowMaxBytes)))
            {
                rows.Add(new OutboxRow(
                    run[0].TenantId, TypesOf(run, packed.First, packed.Count), packed.AsBatch(run[packed.First].Key),
                    [.. run.GetRange(packed.First, packed.Count).Select(e => e.Key)]));
            }
        }

        return InsertAsync(transaction, rows, cancellationToken);
    }

    public Task EnqueueBatchAsync(NpgsqlTransaction transaction, string key, IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken = default)
    {
        var rows = new List<OutboxRow>();
        var first = 0;
        foreach (var batch in envelopes.CreateBatches(key, events, batchMaxEvents, batchMaxBytes))
        {
            rows.Add(new OutboxRow(events[0].TenantId, TypesOf(events, first, batch.BatchEvents!.Value), batch));
            first += batch.BatchEvents.Value;
        }

        return InsertAsync(transaction, rows, cancellationToken);
    }

    /// <summary>The <c>event_type</c> of a row of several events: their distinct types, joined by commas (for whoever reads the outbox).</summary>
    private static string TypesOf(IReadOnlyList<OutgoingEvent> events, int first, int count) =>
        string.Join(',', events.Skip(first).Take(count).Select(e => e.Type).Distinct(StringComparer.Ordinal));

    private static IEnumerable<List<OutgoingEvent>> RunsOfOneTopicAndTenant(IReadOnlyList<OutgoingEvent> events)
    {
        var run = new List<OutgoingEvent>();
        foreach (var outgoing in events)
        {
            ArgumentNullException.ThrowIfNull(outgoing, nameof(events));
            if (run.Count > 0 && (run[0].Topic != outgoing.Topic || run[0].TenantId != outgoing.TenantId))
            {
                yield return run;
                run = [];
            }

            run.Add(outgoing);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private Task InsertAsync(NpgsqlTransaction transaction, List<OutboxRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return rows.Count == 0 ? Task.CompletedTask
            : rows.Exists(r => r.EventKeys is not null) ? InsertEachAsync(transaction, rows, cancellationToken)
            : InsertAllAsync(transaction, rows, cancellationToken);
    }

    // Rows without event keys: one statement over arrays (unnest cannot yield one key array per row).
    private async Task InsertAllAsync(NpgsqlTransaction transaction, List<OutboxRow> rows, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_insertMany, transaction.Connection, transaction);
        command.Parameters.Add(Array(rows.ConvertAll(r => r.TenantId), NpgsqlDbType.Text));
        command.Parameters.Add(Array(rows.ConvertAll(r => r.Message.Topic), NpgsqlDbType.Text));
        command.Parameters.Add(Array(rows.ConvertAll(r => r.Message.Key), NpgsqlDbType.Text));
        command.Parameters.Add(Array(rows.ConvertAll(r => r.EventType), NpgsqlDbType.Text));
        command.Parameters.Add(Array(rows.ConvertAll(r => r.Message.Envelope), NpgsqlDbType.Bytea));
        command.Parameters.Add(Array(rows.ConvertAll(r => r.Message.BatchEvents), NpgsqlDbType.Integer));
        // prepared: unprepared, PostgreSQL plans every call anew around the values of its arrays (megabytes of envelopes)
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Packed rows (few: one per up to BatchMaxEvents events): one statement each, all in one round trip, in order.
    private async Task InsertEachAsync(NpgsqlTransaction transaction, List<OutboxRow> rows, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var row in rows)
        {
            var insert = new NpgsqlBatchCommand(_insertOne);
            insert.Parameters.Add(new NpgsqlParameter { Value = row.TenantId });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.Message.Topic });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.Message.Key });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.EventType });
            insert.Parameters.Add(new NpgsqlParameter { Value = row.Message.Envelope, NpgsqlDbType = NpgsqlDbType.Bytea });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)row.Message.BatchEvents ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)row.EventKeys ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Array<T>(List<T> values, NpgsqlDbType type) => new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type };

    /// <param name="EventType">The event's type; for a row of several events, their distinct types joined by commas.</param>
    /// <param name="EventKeys">For a packed row, each event's own message key; null for one event or a CloudEvents batch.</param>
    private sealed record OutboxRow(string TenantId, string EventType, OutboundMessage Message, string[]? EventKeys = null);
}
