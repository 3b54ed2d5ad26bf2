using BackOfficeCloud.Contracts.Events.V1;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Storage;

/// <summary>
/// The work-item state an event carries: derived from the item's lifecycle events (status, pended until) and its
/// duplicate flag, both kept on the item row.
/// </summary>
public static class WorkItemStates
{
    // the earliest other open item of the same customer and type created before it, one index lookup per item (see BatchLookups)
    private const string DuplicatesSql = """
        SELECT b.source_id,
               (SELECT o.source_id FROM ingestion.work_items o
                WHERE o.tenant_id = current_setting('app.tenant_id') AND o.customer_ref = b.customer_ref AND o.customer_ref <> '' AND o.work_type = b.work_type
                  AND o.status NOT IN ('completed', 'cancelled') AND (o.created_at, o.source_id) < (b.created_at, b.source_id)
                ORDER BY o.created_at, o.source_id LIMIT 1)
        FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS b(source_id, customer_ref, work_type, created_at)
        """;

    // each item's latest lifecycle event (by occurrence, then arrival); the LIMIT keeps the lateral a lookup per item
    private const string LatestEventsSql = """
        SELECT i.item,
               CASE l.event WHEN 'assigned' THEN 'assigned' WHEN 'started' THEN 'in_progress' WHEN 'resumed' THEN 'in_progress'
                            WHEN 'pended' THEN 'pended' WHEN 'completed' THEN 'completed' WHEN 'cancelled' THEN 'cancelled'
                            ELSE 'open' END,
               CASE WHEN l.event = 'pended' THEN l.pended_until END
        FROM unnest($1::text[]) AS i(item)
        CROSS JOIN LATERAL (
            SELECT e.event, e.pended_until FROM ingestion.work_item_events e
            WHERE e.tenant_id = current_setting('app.tenant_id') AND e.work_item_id = i.item
            ORDER BY e.occurred_at DESC, e.ingested_at DESC LIMIT 1) l
        """;

    private const string SetStatusSql = """
        UPDATE ingestion.work_items SET status = $2, pended_until = $3
        WHERE tenant_id = current_setting('app.tenant_id') AND source_id = $1 AND (status, pended_until) IS DISTINCT FROM ($2, $3)
        """;

    private const string ReadSql = """
        SELECT w.source_id, w.record_id, w.version, w.work_type, w.queue, w.created_at, coalesce(w.due_at, w.sla_due_at), w.effort_minutes, w.priority,
               w.customer_ref, w.status, w.pended_until, coalesce(w.duplicate_of, '')
        FROM unnest($1::text[]) AS i(item)
        CROSS JOIN LATERAL (SELECT * FROM ingestion.work_items w WHERE w.tenant_id = current_setting('app.tenant_id') AND w.source_id = i.item LIMIT 1) w
        """;

    /// <summary>Flags each stored item that duplicates an open one (and clears the flag of a corrected item that no longer does).</summary>
    public static async Task FlagDuplicatesAsync(NpgsqlTransaction transaction, IReadOnlyList<StoredRecord<WorkItem>> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var withCustomer = changed.Where(s => s.Record.CustomerRef.Length > 0).ToList();
        var duplicates = withCustomer.Count == 0 ? [] : await BatchLookups.ReadAsync(
            transaction,
            DuplicatesSql,
            [
                BatchLookups.Texts([.. withCustomer.Select(s => s.SourceId)]),
                BatchLookups.Texts([.. withCustomer.Select(s => s.Record.CustomerRef)]),
                BatchLookups.Texts([.. withCustomer.Select(s => s.Record.WorkType)]),
                BatchLookups.Instants([.. withCustomer.Select(s => s.Record.CreatedAt.ToDateTime())]),
            ],
            reader => reader.IsDBNull(1) ? null : reader.GetString(1),
            cancellationToken).ConfigureAwait(false);
        await BatchLookups.SetFlagsAsync(transaction, "work_items", "duplicate_of", changed, duplicates, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets each item's status from its latest lifecycle event (by occurrence, then arrival).</summary>
    public static async Task ApplyEventsAsync(NpgsqlTransaction transaction, string[] itemIds, CancellationToken cancellationToken)
    {
        var states = await BatchLookups.ReadAsync(
            transaction,
            LatestEventsSql,
            [BatchLookups.Texts(itemIds)],
            reader => (Status: reader.GetString(1), PendedUntil: reader.IsDBNull(2) ? (DateTime?)null : reader.GetFieldValue<DateTime>(2)),
            cancellationToken).ConfigureAwait(false);
        await BatchLookups.UpdateEachAsync(
            transaction,
            SetStatusSql,
            states,
            s => [BatchLookups.Text(s.Key), BatchLookups.Text(s.Value.Status), BatchLookups.Instant(s.Value.PendedUntil)],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each item's state as an event without the event's own fields (event, occurred at, actor).</summary>
    public static async Task<IReadOnlyDictionary<string, WorkItemEventIngested>> ReadAsync(
        NpgsqlTransaction transaction, string[] itemIds, CancellationToken cancellationToken) =>
        await BatchLookups.ReadAsync(
            transaction,
            ReadSql,
            [BatchLookups.Texts(itemIds)],
            reader => new WorkItemEventIngested
            {
                SourceId = reader.GetString(0),
                WorkItemId = reader.GetGuid(1).ToString(),
                Version = reader.GetInt32(2),
                WorkType = reader.GetString(3),
                Queue = reader.GetString(4),
                CreatedAt = Instant(reader, 5),
                DueAt = Instant(reader, 6),
                EffortMinutes = reader.GetDouble(7),
                Priority = reader.GetInt32(8),
                CustomerRef = reader.GetString(9),
                Status = reader.GetString(10),
                PendedUntil = Instant(reader, 11),
                DuplicateOf = reader.GetString(12),
            },
            cancellationToken).ConfigureAwait(false);

    private static Timestamp? Instant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Timestamp.FromDateTime(reader.GetFieldValue<DateTime>(ordinal));
}
