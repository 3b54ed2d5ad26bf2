using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Storage;

/// <summary>A series' history on the forecast grid: arrivals, and the handled count and handle seconds behind its handle time.</summary>
public sealed record SeriesHistory(IntervalSeries Volume, IntervalSeries Handled, IntervalSeries HandleSeconds);

/// <summary>
/// Reads the history a forecast trains on. A contact queue with ACD interval statistics in the window uses them (the
/// ACD's own counts); otherwise the aggregates built from single interactions. Work types use the work-item aggregates.
/// </summary>
public sealed class HistoryStore(IOptions<ForecastingOptions> options)
{
    private const string StatisticsSql = """
        SELECT interval_start, offered, handled, handle_seconds FROM forecasting.interval_statistics
        WHERE queue = $1 AND interval_start >= $2 AND interval_start < $3 AND $4 % interval_minutes = 0
        ORDER BY interval_start
        """;

    private const string AggregatesSql = """
        SELECT interval_start, offered, handled, handle_seconds FROM forecasting.interval_aggregates
        WHERE kind = $5 AND queue = $1 AND interval_start >= $2 AND interval_start < $3 AND $4 % interval_minutes = 0
        ORDER BY interval_start
        """;

    private const string CalendarSql = "SELECT time_zone, open_hours::text, closed_dates FROM forecasting.queue_settings WHERE queue = $1";

    /// <summary>The queue's calendar from the roster; without a roster entry, the configured default zone and learned hours.</summary>
    public async Task<QueueCalendar> CalendarOfAsync(SeriesKey key, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(CalendarSql, transaction.Connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = key.Queue });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return QueueCalendar.Learned(options.Value.DefaultZone);
        }

        var openHours = RosterQueueUpdated.Parser.ParseJson($"{{\"openHours\": {reader.GetString(1)}}}").OpenHours;
        return QueueCalendar.Of(LocalTime.FindZone(reader.GetString(0)), openHours, reader.GetFieldValue<string[]>(2));
    }

    /// <summary>The history in [<paramref name="from"/>, <paramref name="to"/>) on the <paramref name="minutes"/> grid of <paramref name="zone"/>.</summary>
    public async Task<SeriesHistory> LoadAsync(
        SeriesKey key, TimeZoneInfo zone, int minutes, DateTimeOffset from, DateTimeOffset to, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = key.Kind == SeriesKey.Contacts ? await ReadAsync(StatisticsSql, key.Queue, null, minutes, from, to, transaction, cancellationToken) : [];
        if (rows.Count == 0)
        {
            rows = await ReadAsync(AggregatesSql, key.Queue, key.Kind, minutes, from, to, transaction, cancellationToken);
        }

        IntervalSeries Series(Func<Row, double> value) =>
            IntervalSeries.Aggregate(zone, minutes, rows.Select(r => new Observation(r.Start, value(r))));
        return new SeriesHistory(Series(r => r.Offered), Series(r => r.Handled), Series(r => r.HandleSeconds));
    }

    private static async Task<List<Row>> ReadAsync(
        string sql, string queue, string? kind, int minutes, DateTimeOffset from, DateTimeOffset to, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(sql, transaction.Connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = queue });
        select.Parameters.Add(new NpgsqlParameter { Value = from.ToUniversalTime() });
        select.Parameters.Add(new NpgsqlParameter { Value = to.ToUniversalTime() });
        select.Parameters.Add(new NpgsqlParameter { Value = minutes });
        if (kind is not null)
        {
            select.Parameters.Add(new NpgsqlParameter { Value = kind });
        }

        var rows = new List<Row>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(reader.GetFieldValue<DateTimeOffset>(0), Math.Max(0, reader.GetDouble(1)), Math.Max(0, reader.GetDouble(2)), Math.Max(0, reader.GetDouble(3))));
        }

        return rows;
    }

    private readonly record struct Row(DateTimeOffset Start, double Offered, double Handled, double HandleSeconds);
}
