using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Planning.Forecasting.Tests;

/// <summary>Series with known answers for tests: values given as a function of the interval.</summary>
internal static class TestSeries
{
    public static readonly TimeZoneInfo Amsterdam = LocalTime.FindZone("Europe/Amsterdam");

    /// <summary>Intervals of <paramref name="days"/> local days where <paramref name="value"/> is not null.</summary>
    public static IntervalSeries Build(DateOnly firstDay, int days, int intervalMinutes, Func<PlanningInterval, double?> value, TimeZoneInfo? zone = null)
    {
        zone ??= Amsterdam;
        var points = IntervalGrid.Build(zone, firstDay, days, intervalMinutes)
            .Select(i => (Interval: i, Value: value(i)))
            .Where(p => p.Value is not null)
            .Select(p => new IntervalValue(p.Interval, p.Value!.Value))
            .ToList();
        return new IntervalSeries(zone, intervalMinutes, points);
    }

    /// <summary>Weekdays 08:00–18:00, closed weekends; a peak at 10:00 and Monday the busiest day. No noise.</summary>
    public static double? OfficePattern(PlanningInterval i)
    {
        if (i.Weekday is DayOfWeek.Saturday or DayOfWeek.Sunday || i.LocalStart.Hour < 8 || i.LocalStart.Hour >= 18)
        {
            return null;
        }

        var weekday = i.Weekday == DayOfWeek.Monday ? 1.5 : 1.0;
        return weekday * (10 + (20 * Math.Exp(-Math.Pow((i.MinuteOfDay / 60.0) - 10, 2))));
    }

    /// <summary>A deterministic Poisson draw (Knuth) for noisy test series with a fixed seed.</summary>
    public static double Poisson(Random random, double mean)
    {
        var (limit, k, p) = (Math.Exp(-mean), 0, 1.0);
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }
}
