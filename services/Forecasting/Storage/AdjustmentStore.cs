using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Forecasting.Storage;

/// <summary>Planner adjustments per tenant, with who made them and when.</summary>
public sealed class AdjustmentStore
{
    private const string Columns = "adjustment_id, kind, queue, period_start, period_end, percent, absolute, note, created_by, created_at";

    public async Task AddAsync(StoredAdjustment a, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var insert = Sql.Command(
            transaction,
            $"INSERT INTO forecasting.adjustments (tenant_id, {Columns}) VALUES (current_setting('app.tenant_id', true), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            a.AdjustmentId, a.Key.Kind, a.Key.Queue, a.PeriodStart.ToUniversalTime(), a.PeriodEnd.ToUniversalTime(),
            NullableDouble(a.Percent), NullableDouble(a.Absolute), a.Note, a.CreatedBy, a.CreatedAt.ToUniversalTime());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter NullableDouble(double? value) => new() { NpgsqlDbType = NpgsqlDbType.Double, Value = (object?)value ?? DBNull.Value };

    /// <summary>The tenant's adjustments (all, or of one queue or work type), oldest first: the order they apply in.</summary>
    public Task<IReadOnlyList<StoredAdjustment>> ListAsync(string queue, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM forecasting.adjustments WHERE ($1 = '' OR queue = $1) ORDER BY created_at, adjustment_id", [queue], transaction, cancellationToken);

    /// <summary>The adjustments of a series that overlap [<paramref name="start"/>, <paramref name="end"/>), oldest first.</summary>
    public Task<IReadOnlyList<StoredAdjustment>> OverlappingAsync(
        SeriesKey key, DateTimeOffset start, DateTimeOffset end, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            SELECT {Columns} FROM forecasting.adjustments
            WHERE kind = $1 AND queue = $2 AND period_start < $4 AND period_end > $3 ORDER BY created_at, adjustment_id
            """,
            [key.Kind, key.Queue, start.ToUniversalTime(), end.ToUniversalTime()], transaction, cancellationToken);

    /// <summary>Removes the adjustment and returns it, or null when the tenant has none with that id.</summary>
    public async Task<StoredAdjustment?> RemoveAsync(Guid adjustmentId, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var removed = await QueryAsync($"DELETE FROM forecasting.adjustments WHERE adjustment_id = $1 RETURNING {Columns}", [adjustmentId], transaction, cancellationToken);
        return removed.Count == 0 ? null : removed[0];
    }

    private static Task<IReadOnlyList<StoredAdjustment>> QueryAsync(
        string sql, object[] values, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        Sql.QueryAsync(transaction, sql, values, reader => new StoredAdjustment(
            reader.GetGuid(0), new SeriesKey(reader.GetString(1), reader.GetString(2)),
            reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetDouble(6),
            reader.GetString(7), reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9)), cancellationToken);
}
