using BackOfficeCloud.Forecasting.Storage;
using BackOfficeCloud.Planning.Calendar;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Jobs;

/// <summary>A reforecast job the scheduler started.</summary>
public sealed record ReforecastStarted(string TenantId, SeriesKey Key, string Trigger, Guid JobId);

/// <summary>
/// Keeps recent forecasts fresh, per tenant and series, on the series' local clock: every series with a forecast in
/// the last days is forecast again each night at <see cref="ForecastingOptions.Nightly"/> (same grid, method and
/// horizon length, from today's midnight), and during the day the rest of today is reforecast every
/// <see cref="ForecastingOptions.IntradayEvery"/> from today's actuals (the engine rescales today by them).
/// </summary>
public sealed class ReforecastScheduler(NpgsqlDataSource dataSource, ForecastJobs jobs, TimeProvider clock, IOptions<ForecastingOptions> options)
{
    public const string NightlyTrigger = "nightly";
    public const string IntradayTrigger = "intraday";
    public const string Actor = "system:reforecast";

    public async Task<IReadOnlyList<ReforecastStarted>> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var started = new List<ReforecastStarted>();
        foreach (var series in await ForecastStore.RecentAcrossTenantsAsync(dataSource, now.AddDays(-settings.RecentForecastDays), cancellationToken))
        {
            if (Due(series, now, settings) is not { } due)
            {
                continue;
            }

            var jobId = await jobs.SubmitWaitingAsync(series.TenantId, due.Spec, due.Trigger, Actor, cancellationToken);
            started.Add(new ReforecastStarted(series.TenantId, series.Key, due.Trigger, jobId));
        }

        return started;
    }

    /// <summary>The reforecast the series needs now, if any: the nightly one first, then intraday ones after it.</summary>
    public static (string Trigger, ForecastJobSpec Spec)? Due(RecentSeries series, DateTimeOffset now, ForecastingOptions settings)
    {
        var zone = LocalTime.FindZone(series.TimeZone);
        var today = DateOnly.FromDateTime(LocalTime.ToLocal(zone, now));
        var midnight = LocalTime.StartOfDay(zone, today);
        var nightly = LocalTime.ToUtc(zone, today.ToDateTime(settings.Nightly));
        if (now < nightly)
        {
            return null;
        }

        if (series.LastCreatedAt < nightly)
        {
            var days = Math.Max(1, (int)Math.Round(series.HorizonLength.TotalDays));
            return (NightlyTrigger, new ForecastJobSpec([series.Key], midnight, null, days, series.IntervalMinutes, series.MethodRequest));
        }

        var lastRun = series.LastIntradayAt is { } intraday && intraday > series.LastCreatedAt ? intraday : series.LastCreatedAt;
        var start = IntervalGrid.Floor(zone, now, series.IntervalMinutes).AddMinutes(series.IntervalMinutes);
        var end = LocalTime.StartOfDay(zone, today.AddDays(1));
        if (settings.IntradayEvery <= TimeSpan.Zero || now - lastRun < settings.IntradayEvery || start >= end)
        {
            return null;
        }

        return (IntradayTrigger, new ForecastJobSpec([series.Key], start, end, 0, series.IntervalMinutes, series.MethodRequest));
    }
}
