using BackOfficeCloud.Ingestion.Extensions;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Pipeline;
using Google.Protobuf;
using Npgsql;

namespace BackOfficeCloud.Ingestion.Storage;

/// <summary>
/// Writes a batch of one kind in the caller's tenant transaction: one prepared upsert keyed by (tenant, source id) over
/// <c>unnest</c> of one array parameter per column, in one round trip. (COPY is refused on row-level-secured tables; a
/// temporary staging table for it cost a catalog entry per batch, a second write of every row and a sort.) A record equal
/// to the stored one is a duplicate and changes nothing; a changed one is updated in place with the next version. Within
/// a batch the last record of a source id wins and the earlier ones count as duplicates.
/// </summary>
public sealed class RecordWriter<T>
    where T : IMessage<T>
{
    private readonly IRecordKind<T> _kind;
    private readonly string _upsert;

    public RecordWriter(IRecordKind<T> kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        _kind = kind;
        var table = kind.Table;
        var names = table.Columns.Select(c => c.Name).ToList();
        // unnest in the select list (one ProjectSet, the arrays walked in step) rather than in FROM, where PostgreSQL first
        // copies every array's rows into a tuple store
        var unnest = string.Join(", ", table.Columns.Select((c, i) => $"unnest(${i + 2}) AS {c.Name}"));
        _upsert = $"""
            INSERT INTO {IngestionExtensions.Schema}.{table.Name} AS t (tenant_id, source_id, {string.Join(", ", names)})
            SELECT current_setting('app.tenant_id'), s.source_id, {string.Join(", ", table.Columns.Select(c => c.Select))}
            FROM (SELECT unnest($1) AS source_id, {unnest}) AS s
            ON CONFLICT (tenant_id, source_id) DO UPDATE SET {string.Join(", ", names.Select(n => $"{n} = excluded.{n}"))},
                version = t.version + 1, ingested_at = now()
            WHERE ({string.Join(", ", names.Select(n => "t." + n))}) IS DISTINCT FROM ({string.Join(", ", names.Select(n => "excluded." + n))})
            RETURNING source_id, {table.IdColumn}, version, (xmax = 0)
            """;
    }

    public async Task<IReadOnlyList<StoredRecord<T>>> WriteAsync(
        NpgsqlTransaction transaction, IReadOnlyList<RowRecord<T>> records, BatchTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(timer);
        if (records.Count == 0)
        {
            return [];
        }

        // the last record of each source id; ON CONFLICT DO UPDATE may touch a row only once per statement
        var sourceIds = new string[records.Count];
        var lastIndex = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            sourceIds[i] = _kind.SourceId(records[i].Record);
            lastIndex[sourceIds[i]] = i;
        }

        var latestIds = new string[lastIndex.Count];
        var latest = new T[lastIndex.Count];
        for (int i = 0, n = 0; i < records.Count; i++)
        {
            if (lastIndex[sourceIds[i]] == i)
            {
                (latestIds[n], latest[n]) = (sourceIds[i], records[i].Record);
                n++;
            }
        }

        var written = new Dictionary<string, (Guid Id, int Version, bool Inserted)>(latest.Length, StringComparer.Ordinal);
        await using (var upsert = new NpgsqlCommand(_upsert, transaction.Connection, transaction))
        {
            upsert.Parameters.Add(BatchLookups.Texts(latestIds));
            foreach (var column in _kind.Table.Columns)
            {
                upsert.Parameters.Add(column.Values(latest));
            }

            // prepared once per connection: planned with the arrays as parameters, not re-planned around every batch's values
            await upsert.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                written[reader.GetString(0)] = (reader.GetGuid(1), reader.GetInt32(2), reader.GetBoolean(3));
            }
        }

        timer.Lap("upsert");

        var stored = new StoredRecord<T>[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            stored[i] = lastIndex[sourceIds[i]] == i && written.TryGetValue(sourceIds[i], out var row)
                ? new StoredRecord<T>(records[i].Row, records[i].Record, sourceIds[i], row.Id, row.Version, row.Inserted ? StoreOutcome.Inserted : StoreOutcome.Updated)
                : new StoredRecord<T>(records[i].Row, records[i].Record, sourceIds[i], Guid.Empty, 0, StoreOutcome.Duplicate);
        }

        return stored;
    }
}
