using BackOfficeCloud.Ingestion.Extensions;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Pipeline;
using Google.Protobuf;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Storage;

/// <summary>
/// Writes a batch of one kind in the caller's tenant transaction: binary COPY into a temporary staging table (COPY is
/// refused on row-level-secured tables), then one upsert keyed by (tenant, source id). A record equal to the stored one
/// is a duplicate and changes nothing; a changed one is updated in place with the next version. Within a batch the
/// last record of a source id wins and the earlier ones count as duplicates.
/// </summary>
public sealed class RecordWriter<T>
    where T : IMessage<T>
{
    private readonly IRecordKind<T> _kind;
    private readonly string _createStaging;
    private readonly string _copy;
    private readonly string _upsert;

    public RecordWriter(IRecordKind<T> kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        _kind = kind;
        var table = kind.Table;
        var staging = $"staging_{table.Name}";
        var names = table.Columns.Select(c => c.Name).ToList();
        var columns = string.Join(", ", names);
        _createStaging = $"""
            CREATE TEMP TABLE IF NOT EXISTS {staging} (ordinal int, source_id text, {string.Join(", ", table.Columns.Select(c => $"{c.Name} {c.SqlType}"))})
            ON COMMIT DROP
            """;
        _copy = $"COPY {staging} (ordinal, source_id, {columns}) FROM STDIN (FORMAT BINARY)";
        _upsert = $"""
            INSERT INTO {IngestionExtensions.Schema}.{table.Name} AS t (tenant_id, source_id, {columns})
            SELECT current_setting('app.tenant_id'), source_id, {columns}
            FROM (SELECT DISTINCT ON (source_id) * FROM {staging} ORDER BY source_id, ordinal DESC) s
            ON CONFLICT (tenant_id, source_id) DO UPDATE SET {string.Join(", ", names.Select(n => $"{n} = excluded.{n}"))},
                version = t.version + 1, ingested_at = now()
            WHERE ({string.Join(", ", names.Select(n => "t." + n))}) IS DISTINCT FROM ({string.Join(", ", names.Select(n => "excluded." + n))})
            RETURNING source_id, {table.IdColumn}, version, (xmax = 0);
            TRUNCATE {staging};
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

        var connection = transaction.Connection!;
        await using (var create = new NpgsqlCommand(_createStaging, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var sourceIds = new string[records.Count];
        await using (var importer = await connection.BeginBinaryImportAsync(_copy, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i].Record;
                sourceIds[i] = _kind.SourceId(record);
                importer.StartRow();
                importer.Write(i, NpgsqlDbType.Integer);
                importer.Write(sourceIds[i], NpgsqlDbType.Text);
                foreach (var column in _kind.Table.Columns)
                {
                    column.Write(importer, record);
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        timer.Lap("copy");

        var written = new Dictionary<string, (Guid Id, int Version, bool Inserted)>(records.Count, StringComparer.Ordinal);
        await using (var upsert = new NpgsqlCommand(_upsert, connection, transaction))
        await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                written[reader.GetString(0)] = (reader.GetGuid(1), reader.GetInt32(2), reader.GetBoolean(3));
            }
        }

        timer.Lap("upsert");

        var lastIndex = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            lastIndex[sourceIds[i]] = i;
        }

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
