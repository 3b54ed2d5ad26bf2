using BackOfficeCloud.Data;
using BackOfficeCloud.Forecasting.Adjustments;
using BackOfficeCloud.Forecasting.Events;
using BackOfficeCloud.Forecasting.Observability;
using BackOfficeCloud.Forecasting.Storage;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting;
using BackOfficeCloud.Planning.Forecasting.HandleTime;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Jobs;

/// <summary>A series' calendar and its history before a point in time.</summary>
public sealed record LoadedHistory(QueueCalendar Calendar, SeriesHistory History)
{
    public TimeZoneInfo Zone => Calendar.Zone;
}

/// <summary>
/// Forecasts one series of a tenant: loads its history from the aggregates, runs the engine (volume and handle time),
/// stores the forecast and publishes it with the planner adjustments applied, in one transaction.
/// </summary>
public sealed class SeriesForecasts(
    NpgsqlDataSource dataSource, HistoryStore history, ForecastStore forecasts, AdjustmentStore adjustments, ForecastEvents events,
    IForecaster forecaster, TimeProvider clock, IOptions<ForecastingOptions> options)
{
    /// <summary>The history of <paramref name="key"/> in the weeks before <paramref name="end"/> (or, without it, before the next local midnight).</summary>
    public Task<LoadedHistory> LoadAsync(string tenantId, SeriesKey key, int minutes, DateTimeOffset? end, CancellationToken cancellationToken) =>
        LoadUntilAsync(tenantId, key, minutes, zone => end ?? NextMidnight(zone, clock.GetUtcNow()), cancellationToken);

    /// <summary>Forecasts and stores one series of the job; bad input (no history, an empty horizon) throws ArgumentException naming the series.</summary>
    public async Task<Guid> ForecastAsync(
        string tenantId, Guid jobId, SeriesKey key, ForecastJobSpec spec, string trigger, string createdBy,
        Func<string, Task> phase, CancellationToken cancellationToken)
    {
        await phase("loading");
        var now = clock.GetUtcNow();
        var loaded = await LoadUntilAsync(tenantId, key, spec.IntervalMinutes, zone => HorizonOf(spec, zone, now).Start, cancellationToken);
        var zone = loaded.Zone;
        var (start, end) = HorizonOf(spec, zone, now);
        if (loaded.History.Volume.Points.Count == 0)
        {
            throw new ArgumentException(
                $"{key} has no history before {start:O} in the {options.Value.HistoryWeeks} weeks read (interval statistics count only when their length divides {spec.IntervalMinutes} minutes).",
                nameof(key));
        }

        var targets = Targets(zone, spec.IntervalMinutes, start, end);
        if (targets.Count == 0)
        {
            throw new ArgumentException($"The horizon {start:O} .. {end:O} holds no {spec.IntervalMinutes}-minute interval.", nameof(spec));
        }

        await phase("forecasting");
        var calendar = loaded.Calendar;
        var result = forecaster.Forecast(new ForecastRequest(loaded.History.Volume, targets, spec.Method, calendar.Hours, calendar.SpecialDays));
        var handle = HandleTimes(loaded.History, targets);
        var values = result.Values
            .Select((v, i) => new StoredValue(v.Interval.StartUtc, v.Interval.Minutes, v.Forecast, v.Lo80, v.Hi80, v.Lo95, v.Hi95, handle[i]))
            .ToList();
        var stored = new StoredForecast(
            Guid.CreateVersion7(), jobId, key, spec.IntervalMinutes, zone.Id, result.Method, spec.Method,
            result.Status == ForecastStatus.Ok ? "ok" : "insufficient_history", start, end,
            new ForecastExplanation(result.Members, result.Backtest, result.UnusualDays, result.IntradayFactor),
            values, loaded.History.Volume.Points.Count, trigger, createdBy, clock.GetUtcNow());

        await phase("storing");
        await dataSource.InTenantAsync(tenantId, async transaction =>
        {
            await forecasts.SaveAsync(stored, transaction, cancellationToken);
            var applied = await adjustments.OverlappingAsync(key, start, end, transaction, cancellationToken);
            await events.EnqueueAsync(tenantId, stored, AdjustmentApplier.Apply(values, applied), 1, trigger, transaction, cancellationToken);
        }, cancellationToken);
        ForecastingMetrics.SeriesForecast.WithLabels(result.Method).Inc();
        return stored.ForecastId;
    }

    /// <summary>The series' calendar and its history before the instant <paramref name="until"/> gives for its zone.</summary>
    private Task<LoadedHistory> LoadUntilAsync(
        string tenantId, SeriesKey key, int minutes, Func<TimeZoneInfo, DateTimeOffset> until, CancellationToken cancellationToken) =>
        dataSource.InTenantAsync(tenantId, async transaction =>
        {
            var calendar = await history.CalendarOfAsync(key, transaction, cancellationToken);
            var to = until(calendar.Zone);
            var loaded = await history.LoadAsync(key, calendar.Zone, minutes, to.AddDays(-7 * options.Value.HistoryWeeks), to, transaction, cancellationToken);
            return new LoadedHistory(calendar, loaded);
        }, cancellationToken);

    /// <summary>The horizon on the series' zone: as given, or from the next local midnight for the given number of local days.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) HorizonOf(ForecastJobSpec spec, TimeZoneInfo zone, DateTimeOffset now)
    {
        var start = spec.HorizonStart ?? NextMidnight(zone, now);
        var end = spec.HorizonEnd ?? LocalTime.ToUtc(zone, LocalTime.ToLocal(zone, start).AddDays(spec.Days));
        return (start, end);
    }

    public static DateTimeOffset NextMidnight(TimeZoneInfo zone, DateTimeOffset now) =>
        LocalTime.StartOfDay(zone, DateOnly.FromDateTime(LocalTime.ToLocal(zone, now)).AddDays(1));

    private static List<PlanningInterval> Targets(TimeZoneInfo zone, int minutes, DateTimeOffset start, DateTimeOffset end)
    {
        var firstDay = DateOnly.FromDateTime(LocalTime.ToLocal(zone, start));
        var lastDay = DateOnly.FromDateTime(LocalTime.ToLocal(zone, end));
        return [.. IntervalGrid.Build(zone, firstDay, lastDay.DayNumber - firstDay.DayNumber + 1, minutes)
            .Where(i => i.StartUtc >= start && i.StartUtc < end)];
    }

    /// <summary>Seconds per arrival for each target; zero when the history holds no handled contacts.</summary>
    private static IReadOnlyList<double> HandleTimes(SeriesHistory history, IReadOnlyList<PlanningInterval> targets) =>
        history.Handled.Points.Any(p => p.Value > 0)
            ? new HandleTimeForecaster().Forecast(new HandleTimeRequest(history.Handled, history.HandleSeconds, targets))
            : new double[targets.Count];
}
