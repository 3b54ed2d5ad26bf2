using BackOfficeCloud.Ingestion.Kinds;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Storage;

/// <summary>
/// <c>interactions.repeat_of</c>, decided before a batch is written so that its insert stores it: the same customer's
/// latest contact that arrived earlier, within the window, among the stored rows and the batch's own records — what a
/// lookup right after the write would find. A stored row the batch replaces (same source id) counts as its new version
/// in the batch, not as stored. Stored rows are found by one index probe per record (see <see cref="BatchLookups"/>); of
/// contacts that arrived at the same instant the one written last wins, as the index's backward scan returns it.
/// </summary>
public sealed class RepeatContacts(TimeSpan window) : IDerivedColumn<Interaction>
{
    // the customer's latest earlier stored contact within the window, skipping the source ids in $6
    private const string EarlierStoredSql = """
        SELECT b.source_id, p.source_id, p.arrived_at
        FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS b(source_id, customer_ref, arrived_at)
        CROSS JOIN LATERAL (
            SELECT p.source_id, p.arrived_at FROM ingestion.interactions p
            WHERE p.tenant_id = $1 AND p.customer_ref = b.customer_ref AND p.customer_ref <> ''
              AND p.arrived_at < b.arrived_at AND p.arrived_at >= b.arrived_at - $5 AND p.source_id <> ALL($6)
            ORDER BY p.arrived_at DESC LIMIT 1) p
        """;

    private readonly long _windowMicros = window.Ticks / TimeSpan.TicksPerMicrosecond;

    public string Name => "repeat_of";

    public async Task<string?[]> DeriveAsync(
        NpgsqlTransaction transaction, string tenant, IReadOnlyList<string> sourceIds, IReadOnlyList<Interaction> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceIds);
        ArgumentNullException.ThrowIfNull(records);
        var arrivals = new long[records.Count];
        var withCustomer = new List<int>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            arrivals[i] = PostgresTimestamp.Micros(records[i].ArrivedAt.ToDateTime());
            if (records[i].CustomerRef.Length > 0)
            {
                withCustomer.Add(i);
            }
        }

        var repeats = new string?[records.Count];
        if (withCustomer.Count == 0)
        {
            return repeats;
        }

        var stored = await EarlierStoredAsync(transaction, tenant, withCustomer, sourceIds, records, arrivals, [], cancellationToken).ConfigureAwait(false);
        // a stored row the batch replaces is no candidate: look again past the batch's source ids (only when the batch
        // holds source ids already stored, i.e. duplicates or corrections)
        var batchIds = sourceIds.ToHashSet(StringComparer.Ordinal);
        var replaced = withCustomer.Where(i => stored.TryGetValue(sourceIds[i], out var p) && batchIds.Contains(p.SourceId)).ToList();
        if (replaced.Count > 0)
        {
            replaced.ForEach(i => stored.Remove(sourceIds[i]));
            var again = await EarlierStoredAsync(transaction, tenant, replaced, sourceIds, records, arrivals, [.. batchIds], cancellationToken).ConfigureAwait(false);
            foreach (var (id, contact) in again)
            {
                stored[id] = contact;
            }
        }

        var inBatch = EarlierInBatch(records, arrivals);
        foreach (var i in withCustomer)
        {
            var b = inBatch[i];
            var hasStored = stored.TryGetValue(sourceIds[i], out var p);
            repeats[i] = b >= 0 && (!hasStored || arrivals[b] >= p.ArrivedMicros) ? sourceIds[b] : hasStored ? p.SourceId : null;
        }

        return repeats;
    }

    private Task<Dictionary<string, (string SourceId, long ArrivedMicros)>> EarlierStoredAsync(
        NpgsqlTransaction transaction, string tenant, List<int> indexes, IReadOnlyList<string> sourceIds, IReadOnlyList<Interaction> records, long[] arrivals,
        string[] skipped, CancellationToken cancellationToken) =>
        BatchLookups.ReadAsync(
            transaction,
            EarlierStoredSql,
            [
                BatchLookups.Text(tenant),
                BatchLookups.Texts([.. indexes.Select(i => sourceIds[i])]),
                BatchLookups.Texts([.. indexes.Select(i => records[i].CustomerRef)]),
                // as they are stored: compared with the stored ones here and with each other in EarlierInBatch
                new NpgsqlParameter<long[]> { TypedValue = [.. indexes.Select(i => arrivals[i])], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                // exact elapsed time: an interval of days would follow the session's time zone across a DST change
                new NpgsqlParameter { Value = new NpgsqlInterval(0, 0, _windowMicros), NpgsqlDbType = NpgsqlDbType.Interval },
                BatchLookups.Texts(skipped),
            ],
            reader => (reader.GetString(1), PostgresTimestamp.Micros(reader.GetDateTime(2))),
            cancellationToken);

    /// <summary>
    /// For each record, the index of the same customer's record that arrived latest before it within the window (of several
    /// at that instant the last in the batch), or -1.
    /// </summary>
    private int[] EarlierInBatch(IReadOnlyList<Interaction> records, long[] arrivals)
    {
        var earlier = new int[records.Count];
        Array.Fill(earlier, -1);
        // chain the records of each customer (most customers have one record in a batch, and need no sort)
        var last = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        var previous = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].CustomerRef.Length > 0)
            {
                previous[i] = last.TryGetValue(records[i].CustomerRef, out var p) ? p : -1;
                last[records[i].CustomerRef] = i;
            }
        }

        var group = new List<int>();
        foreach (var head in last.Values)
        {
            if (previous[head] < 0)
            {
                continue;
            }

            group.Clear();
            for (var i = head; i >= 0; i = previous[i])
            {
                group.Add(i);
            }

            group.Sort((a, b) => arrivals[a] != arrivals[b] ? arrivals[a].CompareTo(arrivals[b]) : a.CompareTo(b));
            for (var k = 1; k < group.Count; k++)
            {
                var (i, before) = (group[k], group[k - 1]);
                earlier[i] = arrivals[before] == arrivals[i] ? earlier[before] : arrivals[before] >= arrivals[i] - _windowMicros ? before : -1;
            }
        }

        return earlier;
    }
}
