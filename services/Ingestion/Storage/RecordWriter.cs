using BackOfficeCloud.Data;
using BackOfficeCloud.Ingestion.Extensions;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Pipeline;
using Google.Protobuf;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Storage;

/// <summary>
/// Writes a batch of one kind in the caller's tenant transaction, keyed by (tenant, source id), from <c>unnest</c> of one
/// array parameter per column. (COPY is refused on row-level-secured tables; a temporary staging table for it cost a
/// catalog entry per batch, a second write of every row and a sort.) A record equal to the stored one is a duplicate and
/// changes nothing; a changed one is updated in place with the next version. Within a batch the last record of a source
/// id wins and the earlier ones count as duplicates.
/// <para>
/// Most batches are all new: they go in with a plain INSERT (in a savepoint, with ids made here, nothing returned), which
/// costs PostgreSQL about a fifth less than the upsert's speculative insertion (its conflict check before each row and a
/// confirmation record in the WAL after it). A batch with a stored source id fails that insert on its primary key, is
/// rolled back to the savepoint and written by the upsert. A kind's derived column is decided before either and written
/// by it.
/// </para>
/// </summary>
public sealed class RecordWriter<T>
    where T : IMessage<T>
{
    private readonly IRecordKind<T> _kind;
    private readonly string _insert;
    private readonly string _upsert;

    public RecordWriter(IRecordKind<T> kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        _kind = kind;
        var table = kind.Table;
        var compared = table.Columns.Select(c => c.Name).ToList();
        List<string> written = [.. compared, .. table.Derived is { } derived ? [derived.Name] : Array.Empty<string>()];
        // $1 tenant (row-level security still checks it), $2 source ids, $3 ids, then the columns; unnest in the select list
        // (one ProjectSet, the arrays walked in step) rather than in FROM, where PostgreSQL first copies every array's rows
        // into a tuple store
        var unnest = string.Join(", ", written.Select((name, i) => $"unnest(${i + 4}) AS {name}"));
        var selected = string.Join(", ", [.. table.Columns.Select(c => c.Select), .. written.Skip(compared.Count).Select(n => "s." + n)]);
        _insert = $"""
            INSERT INTO {IngestionExtensions.Schema}.{table.Name} AS t (tenant_id, source_id, {table.IdColumn}, {string.Join(", ", written)})
            SELECT $1, s.source_id, s.id, {selected}
            FROM (SELECT unnest($2) AS source_id, unnest($3) AS id, {unnest}) AS s
            """;
        // a duplicate keeps its stored row, derived column included (as a lookup after the write would leave it)
        _upsert = $"""
            {_insert}
            ON CONFLICT (tenant_id, source_id) DO UPDATE SET {string.Join(", ", written.Select(n => $"{n} = excluded.{n}"))},
                version = t.version + 1, ingested_at = now()
            WHERE ({string.Join(", ", compared.Select(n => "t." + n))}) IS DISTINCT FROM ({string.Join(", ", compared.Select(n => "excluded." + n))})
            RETURNING source_id, {table.IdColumn}, version, (xmax = 0)
            """;
    }

    public async Task<IReadOnlyList<StoredRecord<T>>> WriteAsync(
        NpgsqlTransaction transaction, string tenant, IReadOnlyList<RowRecord<T>> records, BatchTimer timer, CancellationToken cancellationToken)
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
        var ids = RowIds.New(lastIndex.Count);
        var rowOf = new int[lastIndex.Count];
        for (int i = 0, n = 0; i < records.Count; i++)
        {
            if (lastIndex[sourceIds[i]] == i)
            {
                (latestIds[n], latest[n], rowOf[n]) = (sourceIds[i], records[i].Record, i);
                n++;
            }
        }

        var derived = _kind.Table.Derived is { } column
            ? await column.DeriveAsync(transaction, tenant, latestIds, latest, cancellationToken).ConfigureAwait(false)
            : null;
        timer.Lap("flags");
        var written = await InsertNewAsync(transaction, tenant, latestIds, ids, latest, derived, cancellationToken).ConfigureAwait(false)
            ? Array.ConvertAll(ids, id => (id, 1, StoreOutcome.Inserted))
            : await UpsertAsync(transaction, tenant, latestIds, ids, latest, derived, cancellationToken).ConfigureAwait(false);
        timer.Lap("upsert");

        var stored = new StoredRecord<T>[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            stored[i] = new StoredRecord<T>(records[i].Row, records[i].Record, sourceIds[i], Guid.Empty, 0, StoreOutcome.Duplicate);
        }

        for (var n = 0; n < written.Length; n++)
        {
            var (id, version, outcome) = written[n];
            if (outcome != StoreOutcome.Duplicate)
            {
                var i = rowOf[n];
                stored[i] = new StoredRecord<T>(records[i].Row, records[i].Record, sourceIds[i], id, version, outcome, derived?[n]);
            }
        }

        return stored;
    }

    /// <summary>The plain INSERT of an all-new batch; false (and nothing written) when a source id is already stored.</summary>
    private Task<bool> InsertNewAsync(
        NpgsqlTransaction transaction, string tenant, string[] sourceIds, Guid[] ids, T[] latest, string?[]? derived, CancellationToken cancellationToken)
    {
        var insert = new NpgsqlBatchCommand(_insert);
        insert.Parameters.AddRange(Parameters(tenant, sourceIds, ids, latest, derived));
        return NewRowsInsert.TryAsync(transaction, insert, cancellationToken);
    }

    /// <summary>The upsert: per record (in <paramref name="sourceIds"/>' order) its row's id, version and what the write did.</summary>
    private async Task<(Guid Id, int Version, StoreOutcome Outcome)[]> UpsertAsync(
        NpgsqlTransaction transaction, string tenant, string[] sourceIds, Guid[] ids, T[] latest, string?[]? derived, CancellationToken cancellationToken)
    {
        var position = new Dictionary<string, int>(sourceIds.Length, StringComparer.Ordinal);
        for (var n = 0; n < sourceIds.Length; n++)
        {
            position[sourceIds[n]] = n;
        }

        var written = new (Guid Id, int Version, StoreOutcome Outcome)[sourceIds.Length];
        Array.Fill(written, (Guid.Empty, 0, StoreOutcome.Duplicate));
        await using var upsert = new NpgsqlCommand(_upsert, transaction.Connection, transaction);
        upsert.Parameters.AddRange(Parameters(tenant, sourceIds, ids, latest, derived));
        await upsert.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var reader = await upsert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            written[position[reader.GetString(0)]] = (reader.GetGuid(1), reader.GetInt32(2), reader.GetBoolean(3) ? StoreOutcome.Inserted : StoreOutcome.Updated);
        }

        return written;
    }

    private NpgsqlParameter[] Parameters(string tenant, string[] sourceIds, Guid[] ids, T[] latest, string?[]? derived) =>
    [
        BatchLookups.Text(tenant),
        BatchLookups.Texts(sourceIds),
        new NpgsqlParameter<Guid[]> { TypedValue = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
        .. _kind.Table.Columns.Select(c => c.Values(latest)),
        .. derived is null ? Array.Empty<NpgsqlParameter>() : [new NpgsqlParameter<string?[]> { TypedValue = derived, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text }],
    ];
}
