using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Forecasting.Series;

/// <summary>Builds the target intervals of a forecast on the history's grid.</summary>
public static class ForecastHorizon
{
    /// <summary>The <paramref name="count"/> grid intervals after the last point of <paramref name="history"/>.</summary>
    public static IReadOnlyList<PlanningInterval> After(IntervalSeries history, int count)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (count <= 0)
        {
            throw new ArgumentException($"horizon is {count}: it must be a positive number of intervals.", nameof(count));
        }

        if (history.Points.Count == 0)
        {
            throw new ArgumentException("history has no points: nothing to forecast from.", nameof(history));
        }

        var last = history.Points[^1].Interval;
        var perDay = 1440 / history.IntervalMinutes;
        var days = (count / perDay) + 3;
        return [.. IntervalGrid.Build(history.Zone, last.LocalDate, days, history.IntervalMinutes)
            .Where(i => i.StartUtc > last.StartUtc)
            .Take(count)];
    }

    /// <summary>The grid intervals starting at the given instants, which must lie on the grid.</summary>
    public static IReadOnlyList<PlanningInterval> At(TimeZoneInfo zone, int intervalMinutes, IReadOnlyList<DateTimeOffset> starts)
    {
        ArgumentNullException.ThrowIfNull(starts);
        var intervals = new List<PlanningInterval>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            if (IntervalGrid.Floor(zone, starts[i], intervalMinutes) != starts[i])
            {
                throw new ArgumentException($"timestamps[{i}] = {starts[i]:O} is not the start of a {intervalMinutes}-minute interval in {zone.Id}.", nameof(starts));
            }

            if (i > 0 && starts[i] <= starts[i - 1])
            {
                throw new ArgumentException($"timestamps[{i}] = {starts[i]:O} is not after the one before it: list targets in order, once each.", nameof(starts));
            }

            intervals.Add(IntervalSeries.IntervalOf(zone, starts[i], intervalMinutes));
        }

        return intervals;
    }
}
