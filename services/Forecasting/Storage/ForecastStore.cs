using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Forecasting.Storage;

/// <summary>A series that had a forecast recently, as the reforecast scheduler sees it across tenants.</summary>
/// <param name="LastCreatedAt">When its newest forecast other than an intraday one was made (whose settings these are).</param>
/// <param name="LastIntradayAt">When its newest intraday reforecast was made, if any.</param>
public sealed record RecentSeries(
    string TenantId, SeriesKey Key, int IntervalMinutes, string TimeZone, string MethodRequest, TimeSpan HorizonLength,
    DateTimeOffset LastCreatedAt, DateTimeOffset? LastIntradayAt);

/// <summary>Forecasts per tenant (row-level security); values and explanation are JSON documents of the row.</summary>
public sealed class ForecastStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns = """
        forecast_id, job_id, kind, queue, interval_minutes, time_zone, method, method_request, status, horizon_start,
        horizon_end, explanation, forecast_values, history_intervals, trigger, created_by, created_at
        """;

    public async Task SaveAsync(StoredForecast f, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var insert = Sql.Command(
            transaction,
            $"INSERT INTO forecasting.forecasts (tenant_id, {Columns}) VALUES (current_setting('app.tenant_id', true), " +
            "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
            f.ForecastId, f.JobId, f.Key.Kind, f.Key.Queue, f.IntervalMinutes, f.TimeZone, f.Method, f.MethodRequest, f.Status,
            f.HorizonStart.ToUniversalTime(), f.HorizonEnd.ToUniversalTime(), Jsonb(f.Explanation), Jsonb(f.Values),
            f.HistoryIntervals, f.Trigger, f.CreatedBy, f.CreatedAt.ToUniversalTime());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Jsonb<T>(T value) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(value, Json) };

    public async Task<StoredForecast?> GetAsync(Guid forecastId, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM forecasting.forecasts WHERE forecast_id = $1", [forecastId], transaction, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The tenant's newest forecasts (all, or of one queue or work type), without their values.</summary>
    public Task<IReadOnlyList<StoredForecast>> ListAsync(string queue, int limit, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns.Replace("forecast_values", "'[]'::jsonb", StringComparison.Ordinal)} FROM forecasting.forecasts WHERE ($1 = '' OR queue = $1) ORDER BY created_at DESC, forecast_id LIMIT $2",
            [queue, limit], transaction, cancellationToken);

    /// <summary>The newest forecast of the series whose horizon overlaps the period, or null.</summary>
    public async Task<StoredForecast?> LatestOverlappingAsync(
        SeriesKey key, DateTimeOffset start, DateTimeOffset end, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            $"""
            SELECT {Columns} FROM forecasting.forecasts WHERE kind = $1 AND queue = $2 AND horizon_start < $4 AND horizon_end > $3
            ORDER BY created_at DESC LIMIT 1
            """,
            [key.Kind, key.Queue, start.ToUniversalTime(), end.ToUniversalTime()], transaction, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Counts one more publication of the forecast (e.g. after an adjustment) and returns its number.</summary>
    public async Task<int> NextPublishedVersionAsync(Guid forecastId, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var update = Sql.Command(
            transaction, "UPDATE forecasting.forecasts SET published_version = published_version + 1 WHERE forecast_id = $1 RETURNING published_version", forecastId);
        return (int)(await update.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Every series with a forecast created since <paramref name="since"/>, across tenants (the scheduler's read-only
    /// policy), with the settings of its newest forecast and when it was last reforecast intraday.
    /// </summary>
    public static async Task<IReadOnlyList<RecentSeries>> RecentAcrossTenantsAsync(NpgsqlDataSource dataSource, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await SchedulerTransactions.OpenAsync(dataSource, cancellationToken);
        await using (connection)
        await using (transaction)
        {
            await using var select = new NpgsqlCommand(
                """
                SELECT * FROM (
                    SELECT DISTINCT ON (tenant_id, kind, queue) tenant_id, kind, queue, interval_minutes, time_zone, method_request,
                        horizon_end - horizon_start, created_at,
                        max(created_at) FILTER (WHERE trigger = 'intraday') OVER (PARTITION BY tenant_id, kind, queue), trigger
                    FROM forecasting.forecasts WHERE created_at >= $1
                    ORDER BY tenant_id, kind, queue, trigger = 'intraday', created_at DESC) newest
                WHERE trigger <> 'intraday'
                """,
                connection, transaction);
            select.Parameters.Add(new NpgsqlParameter { Value = since.ToUniversalTime() });
            var series = new List<RecentSeries>();
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    series.Add(new RecentSeries(
                        reader.GetString(0), new SeriesKey(reader.GetString(1), reader.GetString(2)), reader.GetInt32(3), reader.GetString(4),
                        reader.GetString(5), reader.GetTimeSpan(6), reader.GetFieldValue<DateTimeOffset>(7),
                        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return series;
        }
    }

    private static Task<IReadOnlyList<StoredForecast>> QueryAsync(
        string sql, object[] values, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        Sql.QueryAsync(transaction, sql, values, reader => new StoredForecast(
            reader.GetGuid(0), reader.GetGuid(1), new SeriesKey(reader.GetString(2), reader.GetString(3)), reader.GetInt32(4),
            reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
            reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10),
            JsonSerializer.Deserialize<ForecastExplanation>(reader.GetString(11), Json)!,
            JsonSerializer.Deserialize<List<StoredValue>>(reader.GetString(12), Json)!,
            reader.GetInt32(13), reader.GetString(14), reader.GetString(15), reader.GetFieldValue<DateTimeOffset>(16)), cancellationToken);
}
