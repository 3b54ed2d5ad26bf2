using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Forecasting.Backlog;

/// <summary>One planning interval of back-office work: forecast arrivals and the planned capacity in work minutes.</summary>
public readonly record struct WorkInterval(PlanningInterval Interval, double ArrivingItems, double CapacityMinutes);

internal static class WorkIntervals
{
    public static void Validate(IReadOnlyList<WorkInterval> intervals, double minutesPerItem, string field)
    {
        ArgumentNullException.ThrowIfNull(intervals, field);
        if (!(minutesPerItem > 0) || !double.IsFinite(minutesPerItem))
        {
            throw new ArgumentException($"MinutesPerItem is {minutesPerItem}: it must be positive.", nameof(minutesPerItem));
        }

        for (var i = 0; i < intervals.Count; i++)
        {
            var w = intervals[i];
            if (!(w.ArrivingItems >= 0) || !double.IsFinite(w.ArrivingItems))
            {
                throw new ArgumentException($"{field}[{i}].ArrivingItems is {w.ArrivingItems}: it must be finite and not negative.", field);
            }

            if (!(w.CapacityMinutes >= 0) || !double.IsFinite(w.CapacityMinutes))
            {
                throw new ArgumentException($"{field}[{i}].CapacityMinutes is {w.CapacityMinutes}: it must be finite and not negative.", field);
            }

            if (i > 0 && w.Interval.StartUtc < intervals[i - 1].Interval.EndUtc)
            {
                throw new ArgumentException($"{field}[{i}] starts at {w.Interval.StartUtc:O}, before the interval before it ends.", field);
            }
        }
    }
}
