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
    // the item duplicates the earliest other open item of the same customer and type created before it
    private const string FlagDuplicatesSql = """
        WITH flagged AS (
            SELECT w.source_id,
                   (SELECT o.source_id FROM ingestion.work_items o
                    WHERE o.tenant_id = w.tenant_id AND o.customer_ref = w.customer_ref AND o.work_type = w.work_type
                      AND o.status NOT IN ('completed', 'cancelled') AND (o.created_at, o.source_id) < (w.created_at, w.source_id)
                    ORDER BY o.created_at, o.source_id LIMIT 1) AS duplicate_of
            FROM ingestion.work_items w
            WHERE w.tenant_id = current_setting('app.tenant_id') AND w.source_id = ANY($1) AND w.customer_ref <> '')
        UPDATE ingestion.work_items t SET duplicate_of = f.duplicate_of FROM flagged f
        WHERE t.tenant_id = current_setting('app.tenant_id') AND t.source_id = f.source_id AND t.duplicate_of IS DISTINCT FROM f.duplicate_of
        """;

    private const string ApplyEventsSql = """
        WITH latest AS (
            SELECT DISTINCT ON (e.work_item_id) e.work_item_id, e.event, e.pended_until
            FROM ingestion.work_item_events e
            WHERE e.tenant_id = current_setting('app.tenant_id') AND e.work_item_id = ANY($1)
            ORDER BY e.work_item_id, e.occurred_at DESC, e.ingested_at DESC)
        UPDATE ingestion.work_items w
        SET status = CASE l.event WHEN 'assigned' THEN 'assigned' WHEN 'started' THEN 'in_progress' WHEN 'resumed' THEN 'in_progress'
                                  WHEN 'pended' THEN 'pended' WHEN 'completed' THEN 'completed' WHEN 'cancelled' THEN 'cancelled'
                                  ELSE 'open' END,
            pended_until = CASE WHEN l.event = 'pended' THEN l.pended_until END
        FROM latest l
        WHERE w.tenant_id = current_setting('app.tenant_id') AND w.source_id = l.work_item_id
        """;

    private const string ReadSql = """
        SELECT source_id, record_id, version, work_type, queue, created_at, coalesce(due_at, sla_due_at), effort_minutes, priority, customer_ref,
               status, pended_until, coalesce(duplicate_of, '')
        FROM ingestion.work_items
        WHERE tenant_id = current_setting('app.tenant_id') AND source_id = ANY($1)
        """;

    public static Task FlagDuplicatesAsync(NpgsqlTransaction transaction, string[] itemIds, CancellationToken cancellationToken) =>
        ExecuteAsync(FlagDuplicatesSql, transaction, itemIds, cancellationToken);

    /// <summary>Sets each item's status from its latest lifecycle event (by occurrence, then arrival).</summary>
    public static Task ApplyEventsAsync(NpgsqlTransaction transaction, string[] itemIds, CancellationToken cancellationToken) =>
        ExecuteAsync(ApplyEventsSql, transaction, itemIds, cancellationToken);

    /// <summary>Each item's state as an event without the event's own fields (event, occurred at, actor).</summary>
    public static async Task<IReadOnlyDictionary<string, WorkItemEventIngested>> ReadAsync(
        NpgsqlTransaction transaction, string[] itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var states = new Dictionary<string, WorkItemEventIngested>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(ReadSql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = itemIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            states[reader.GetString(0)] = new WorkItemEventIngested
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
            };
        }

        return states;
    }

    private static Timestamp? Instant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Timestamp.FromDateTime(reader.GetFieldValue<DateTime>(ordinal));

    private static async Task ExecuteAsync(string sql, NpgsqlTransaction transaction, string[] itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = itemIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
