using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Cli.Forecasting;

/// <summary>
/// Contact-center-like series for benchmarks: weekdays 08:00–20:00 with a morning peak and an afternoon shoulder,
/// a shorter Saturday, closed Sundays, a weekly pattern, a slow trend, a day-level shock (CV 10%) and
/// Poisson counts. The level varies over series from a few to hundreds of contacts per interval.
/// </summary>
internal static class SyntheticSeries
{
    private static readonly double[] WeekdayFactor = [0, 1.25, 1.1, 1.0, 1.0, 0.9, 0.45];

    public static IntervalSeries Generate(TimeZoneInfo zone, DateOnly firstDay, int weeks, int intervalMinutes, int seed)
    {
        var random = new Random(seed);
        var level = Math.Exp(random.NextDouble() * Math.Log(100)) * 3;
        var trendPerWeek = (random.NextDouble() - 0.5) * 0.01;
        var shocks = Enumerable.Range(0, weeks * 7).Select(_ => DayShock(random)).ToArray();
        var points = new List<IntervalValue>();
        foreach (var interval in IntervalGrid.Build(zone, firstDay, weeks * 7, intervalMinutes))
        {
            var weekday = (int)interval.Weekday;
            var hour = interval.MinuteOfDay / 60.0;
            var (open, close) = weekday == 6 ? (9.0, 17.0) : (8.0, 20.0);
            if (WeekdayFactor[weekday] == 0 || hour < open || hour >= close)
            {
                continue;
            }

            var day = interval.LocalDate.DayNumber - firstDay.DayNumber;
            var shock = shocks[day];
            var shape = 0.4 + Math.Exp(-Math.Pow((hour - 10.5) / 1.5, 2)) + (0.6 * Math.Exp(-Math.Pow((hour - 14.5) / 2.0, 2)));
            var mean = level * WeekdayFactor[weekday] * shape * shock * (1 + (trendPerWeek * day / 7)) * interval.Minutes / intervalMinutes;
            points.Add(new IntervalValue(interval, Poisson(random, mean)));
        }

        return new IntervalSeries(zone, intervalMinutes, points);
    }

    /// <summary>A day-level multiplier with mean 1 and CV 10% (Irwin–Hall, close to normal).</summary>
    private static double DayShock(Random random)
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += random.NextDouble();
        }

        return 1 + (0.1 * (sum - 6));
    }

    private static double Poisson(Random random, double mean)
    {
        if (mean > 30)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * normal)));
        }

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
