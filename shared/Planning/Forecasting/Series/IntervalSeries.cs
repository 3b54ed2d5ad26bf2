using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Forecasting.Series;

/// <summary>One observed planning interval and its value (a volume, a count of arrivals).</summary>
public readonly record struct IntervalValue(PlanningInterval Interval, double Value);

/// <summary>A timestamped raw observation, before it is laid on the planning grid.</summary>
public readonly record struct Observation(DateTimeOffset Timestamp, double Value);

/// <summary>
/// Interval values on a tenant's local calendar. Only intervals that were observed are present: closed periods and
/// gaps are simply absent, the way ACD exports come.
/// </summary>
public sealed record IntervalSeries
{
    public IntervalSeries(TimeZoneInfo zone, int intervalMinutes, IReadOnlyList<IntervalValue> points)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(points);
        IntervalGrid.EnsureSupportedLength(intervalMinutes);
        for (var i = 0; i < points.Count; i++)
        {
            if (!double.IsFinite(points[i].Value) || points[i].Value < 0)
            {
                throw new ArgumentException($"points[{i}].Value is {points[i].Value}: values must be finite and not negative.", nameof(points));
            }

            if (i > 0 && points[i].Interval.StartUtc <= points[i - 1].Interval.StartUtc)
            {
                throw new ArgumentException($"points[{i}] starts at {points[i].Interval.StartUtc:O}, not after the point before it: points must be sorted and distinct.", nameof(points));
            }
        }

        Zone = zone;
        IntervalMinutes = intervalMinutes;
        Points = points;
    }

    public TimeZoneInfo Zone { get; }

    public int IntervalMinutes { get; }

    public IReadOnlyList<IntervalValue> Points { get; }

    /// <summary>
    /// Sums raw observations into the planning intervals that contain them, e.g. 6-minute ACD counts into 30-minute
    /// intervals. Each observation must be a count for a period that does not cross an interval boundary, which holds
    /// whenever its length divides the interval length.
    /// </summary>
    public static IntervalSeries Aggregate(TimeZoneInfo zone, int intervalMinutes, IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var sums = new SortedDictionary<DateTimeOffset, double>();
        foreach (var o in observations)
        {
            var start = IntervalGrid.Floor(zone, o.Timestamp, intervalMinutes);
            sums[start] = sums.GetValueOrDefault(start) + o.Value;
        }

        var points = new List<IntervalValue>(sums.Count);
        foreach (var (start, value) in sums)
        {
            points.Add(new IntervalValue(IntervalOf(zone, start, intervalMinutes), value));
        }

        return new IntervalSeries(zone, intervalMinutes, points);
    }

    /// <summary>The grid interval starting at <paramref name="startUtc"/> (shorter when a daylight-saving change cuts it).</summary>
    public static PlanningInterval IntervalOf(TimeZoneInfo zone, DateTimeOffset startUtc, int intervalMinutes)
    {
        var local = LocalTime.ToLocal(zone, startUtc);
        var nextMidnight = LocalTime.StartOfDay(zone, DateOnly.FromDateTime(local).AddDays(1));
        var minutes = (int)Math.Min(intervalMinutes, (nextMidnight - startUtc).TotalMinutes);
        return new PlanningInterval(startUtc, local, minutes);
    }
}
