namespace BackOfficeCloud.Planning.Calendar;

/// <summary>
/// Lays fixed-length planning intervals on local days. A day is the span from one local midnight to the next, so a
/// spring-forward day has fewer intervals and a fall-back day more.
/// </summary>
public static class IntervalGrid
{
    public static readonly IReadOnlyList<int> SupportedLengths = [5, 15, 30, 60];

    public static void EnsureSupportedLength(int intervalMinutes)
    {
        if (!SupportedLengths.Contains(intervalMinutes))
        {
            throw new ArgumentOutOfRangeException(
                nameof(intervalMinutes), intervalMinutes, "Interval length must be 5, 15, 30 or 60 minutes.");
        }
    }

    /// <summary>Intervals covering <paramref name="days"/> local days from <paramref name="firstDay"/>.</summary>
    public static IReadOnlyList<PlanningInterval> Build(TimeZoneInfo zone, DateOnly firstDay, int days, int intervalMinutes)
    {
        ArgumentNullException.ThrowIfNull(zone);
        EnsureSupportedLength(intervalMinutes);
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        var intervals = new List<PlanningInterval>(days * (1440 / intervalMinutes));
        for (var d = 0; d < days; d++)
        {
            AddDay(intervals, zone, firstDay.AddDays(d), intervalMinutes);
        }

        return intervals;
    }

    /// <summary>The intervals of one local day.</summary>
    public static IReadOnlyList<PlanningInterval> Day(TimeZoneInfo zone, DateOnly day, int intervalMinutes) =>
        Build(zone, day, 1, intervalMinutes);

    /// <summary>The start of the interval containing <paramref name="instant"/> on the local grid.</summary>
    public static DateTimeOffset Floor(TimeZoneInfo zone, DateTimeOffset instant, int intervalMinutes)
    {
        EnsureSupportedLength(intervalMinutes);
        var day = DateOnly.FromDateTime(LocalTime.ToLocal(zone, instant));
        var start = LocalTime.StartOfDay(zone, day);
        var steps = (long)Math.Floor((instant - start).TotalMinutes / intervalMinutes);
        return start.AddMinutes(steps * intervalMinutes);
    }

    private static void AddDay(List<PlanningInterval> intervals, TimeZoneInfo zone, DateOnly day, int intervalMinutes)
    {
        var start = LocalTime.StartOfDay(zone, day);
        var end = LocalTime.StartOfDay(zone, day.AddDays(1));
        for (var t = start; t < end; t = t.AddMinutes(intervalMinutes))
        {
            var minutes = (int)Math.Min(intervalMinutes, (end - t).TotalMinutes);
            intervals.Add(new PlanningInterval(t, LocalTime.ToLocal(zone, t), minutes));
        }
    }
}
