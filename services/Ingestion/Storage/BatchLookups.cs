using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Storage;

/// <summary>
/// What a batch derives from the stored rows, driven by the batch's own values: every query here starts from
/// <c>unnest</c> of the batch's arrays and reaches the table through one index lookup per record, and every write is a
/// primary-key update of one row. Never a join the planner may turn around: until the next ANALYZE it puts a tenant new
/// to a big table at ~1 row, and a plan that starts from the tenant's stored rows (every one of them against every record
/// of the batch) grows with the square of the tenant's rows until a chunk hits the command timeout. Statements are prepared
/// (once per connection), so a batch's arrays are parameters of a cached plan, not constants of a new one.
/// </summary>
public static class BatchLookups
{
    public static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter Instant(DateTime? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static NpgsqlParameter Texts(string[] values) => new NpgsqlParameter<string[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public static NpgsqlParameter Instants(DateTime[] values) =>
        new NpgsqlParameter<DateTime[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };

    /// <summary>Runs a query whose first column is a source id and reads each row with <paramref name="read"/>.</summary>
    public static async Task<Dictionary<string, TValue>> ReadAsync<TValue>(
        NpgsqlTransaction transaction, string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, TValue> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(read);
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, TValue>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[reader.GetString(0)] = read(reader);
        }

        return result;
    }

    /// <summary>
    /// Writes a flag column (<paramref name="flags"/> by source id, null for none) where it may differ from the stored one:
    /// on rows that have a flag, and on corrected rows, which may have lost theirs (an inserted row has none yet).
    /// </summary>
    public static Task SetFlagsAsync<T>(
        NpgsqlTransaction transaction, string table, string column, IEnumerable<StoredRecord<T>> changed, IReadOnlyDictionary<string, string?> flags,
        CancellationToken cancellationToken) =>
        UpdateEachAsync(
            transaction,
            $"UPDATE ingestion.{table} SET {column} = $2 WHERE tenant_id = current_setting('app.tenant_id') AND source_id = $1 AND {column} IS DISTINCT FROM $2",
            changed.Where(s => s.Outcome == StoreOutcome.Updated || flags.GetValueOrDefault(s.SourceId) is not null),
            s => [Text(s.SourceId), Text(flags.GetValueOrDefault(s.SourceId))],
            cancellationToken);

    /// <summary>
    /// One statement per row, all in one round trip: <paramref name="sql"/> takes the row's values as <c>$1</c>, <c>$2</c>, …
    /// (an <c>UPDATE … WHERE tenant_id = current_setting('app.tenant_id') AND source_id = $1</c>).
    /// </summary>
    public static async Task UpdateEachAsync<TRow>(
        NpgsqlTransaction transaction, string sql, IEnumerable<TRow> rows, Func<TRow, NpgsqlParameter[]> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(parameters);
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddRange(parameters(row));
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
