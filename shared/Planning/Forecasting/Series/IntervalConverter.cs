namespace BackOfficeCloud.Planning.Forecasting.Series;

/// <summary>Converts a series between interval lengths on the same local grid (15 ↔ 30 minutes and the like).</summary>
public static class IntervalConverter
{
    /// <summary>Sums a finer series into longer intervals; <paramref name="minutes"/> must be a multiple of its length.</summary>
    public static IntervalSeries Aggregate(IntervalSeries series, int minutes)
    {
        ArgumentNullException.ThrowIfNull(series);
        EnsureMultiple(minutes, series.IntervalMinutes, nameof(minutes));
        return IntervalSeries.Aggregate(series.Zone, minutes, series.Points.Select(p => new Observation(p.Interval.StartUtc, p.Value)));
    }

    /// <summary>
    /// Splits each interval into shorter ones. With <paramref name="shape"/> (history on the shorter grid), each
    /// part gets its share of the whole as seen on the same weekday in that history; without, the value is split
    /// evenly. Totals are kept either way.
    /// </summary>
    public static IntervalSeries Split(IntervalSeries series, int minutes, IntervalSeries? shape = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        EnsureMultiple(series.IntervalMinutes, minutes, nameof(minutes));
        if (shape is not null && shape.IntervalMinutes != minutes)
        {
            throw new ArgumentException($"shape has {shape.IntervalMinutes}-minute intervals; it must have the target length {minutes}.", nameof(shape));
        }

        var shares = Shares(shape, minutes);
        var parts = series.IntervalMinutes / minutes;
        var points = new List<IntervalValue>();
        foreach (var p in series.Points)
        {
            var subIntervals = Enumerable.Range(0, parts)
                .Select(k => p.Interval.StartUtc.AddMinutes(k * minutes))
                .Where(start => start < p.Interval.EndUtc)
                .Select(start => IntervalSeries.IntervalOf(series.Zone, start, minutes))
                .ToList();
            var weights = subIntervals.Select(i => shares?.GetValueOrDefault((i.Weekday, i.MinuteOfDay)) ?? 0).ToList();
            var total = weights.Sum();
            for (var k = 0; k < subIntervals.Count; k++)
            {
                var share = total > 0 ? weights[k] / total : (double)subIntervals[k].Minutes / subIntervals.Sum(i => i.Minutes);
                points.Add(new IntervalValue(subIntervals[k], p.Value * share));
            }
        }

        return new IntervalSeries(series.Zone, minutes, points);
    }

    /// <summary>Total volume of the shape history per weekday and start minute of the shorter intervals.</summary>
    private static Dictionary<(DayOfWeek, int), double>? Shares(IntervalSeries? shape, int minutes)
    {
        if (shape is null)
        {
            return null;
        }

        var totals = new Dictionary<(DayOfWeek, int), double>();
        foreach (var p in shape.Points)
        {
            var key = (p.Interval.Weekday, p.Interval.MinuteOfDay - (p.Interval.MinuteOfDay % minutes));
            totals[key] = totals.GetValueOrDefault(key) + p.Value;
        }

        return totals;
    }

    private static void EnsureMultiple(int longer, int shorter, string field)
    {
        if (longer % shorter != 0 || longer < shorter)
        {
            throw new ArgumentException($"{field}: {longer} minutes is not a multiple of {shorter} minutes, so the intervals do not nest.", field);
        }
    }
}
