using System.Globalization;
using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Staffing.Deferrable;

/// <summary>
/// Splits a work type into its open backlog and its forecast arrivals, each an EDF-consistent <see cref="WorkStream"/>.
/// Forecast arrivals count as arriving at the end of their interval: workable from the next one, their SLA counted
/// from there. A deadline is met only by work in intervals that end by it.
/// </summary>
public static class WorkStreams
{
    public static IReadOnlyList<WorkStream> For(DeferrableWorkType type, TimeZoneInfo zone, IReadOnlyList<PlanningInterval> intervals, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(intervals);
        Validate(type, intervals.Count, now);
        var window = new HorizonWindow(type, zone, intervals);
        var open = intervals.Select(type.Hours.IsOpen).ToArray();
        var backlog = type.Backlog.Select(item => BacklogLot(type, window, item, now)).ToList();
        var arrivals = Enumerable.Range(0, intervals.Count)
            .Where(t => type.Arrivals[t] > 0)
            .Select(t => ArrivalLot(type, window, t))
            .ToList();
        return [new WorkStream(type.Name, type.HandleMinutes, backlog, open), new WorkStream(type.Name, type.HandleMinutes, arrivals, open)];
    }

    private static WorkLot BacklogLot(DeferrableWorkType type, HorizonWindow window, BacklogItem item, DateTimeOffset now)
    {
        var due = item.Due ?? window.Deadline(item.Arrived);
        if (due <= now)
        {
            throw new ArgumentException(
                $"Work type '{type.Name}' backlog item '{item.Id}' was due at {due:O}, already past at {now:O}: close or re-date it before planning.",
                nameof(type));
        }

        var workableFrom = item.Arrived > window.Start ? item.Arrived : window.Start;
        return window.Lot(item.Id, 0, workableFrom, due, item.Count);
    }

    private static WorkLot ArrivalLot(DeferrableWorkType type, HorizonWindow window, int interval)
    {
        var arrived = window.Intervals[interval].EndUtc;
        var label = $"arrivals {window.Intervals[interval].LocalStart.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}";
        return window.Lot(label, interval + 1, arrived, window.Deadline(arrived), type.Arrivals[interval]);
    }

    private static void Validate(DeferrableWorkType type, int intervalCount, DateTimeOffset now)
    {
        if (!(type.HandleMinutes > 0) || double.IsInfinity(type.HandleMinutes))
        {
            throw new ArgumentException($"Work type '{type.Name}' handle minutes {type.HandleMinutes} must be above 0.", nameof(type));
        }

        if (type.Sla is { } sla && sla <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Work type '{type.Name}' SLA {sla} must be above 0.", nameof(type));
        }

        if (type.Arrivals.Count != intervalCount)
        {
            throw new ArgumentException($"Work type '{type.Name}' has {type.Arrivals.Count} arrival values for {intervalCount} planning intervals.", nameof(type));
        }

        foreach (var arrivals in type.Arrivals.Where(a => !(a >= 0) || double.IsInfinity(a)))
        {
            throw new ArgumentException($"Work type '{type.Name}' arrivals {arrivals} must be finite and not negative.", nameof(type));
        }

        if (type.Sla is null && (type.Arrivals.Any(a => a > 0) || type.Backlog.Any(i => i.Due is null)))
        {
            throw new ArgumentException($"Work type '{type.Name}' has no SLA: every item needs its own due time and no arrivals can be forecast.", nameof(type));
        }

        foreach (var item in type.Backlog)
        {
            if (!(item.Count > 0) || double.IsInfinity(item.Count))
            {
                throw new ArgumentException($"Work type '{type.Name}' backlog item '{item.Id}' count {item.Count} must be above 0.", nameof(type));
            }

            if (item.Arrived > now)
            {
                throw new ArgumentException($"Work type '{type.Name}' backlog item '{item.Id}' arrived at {item.Arrived:O}, after now ({now:O}).", nameof(type));
            }
        }
    }

    /// <summary>The horizon as one work type sees it: its deadlines, and the share of each lot due inside.</summary>
    private sealed class HorizonWindow(DeferrableWorkType type, TimeZoneInfo zone, IReadOnlyList<PlanningInterval> intervals)
    {
        private readonly DateTimeOffset[] _ends = [.. intervals.Select(i => i.EndUtc)];

        public IReadOnlyList<PlanningInterval> Intervals => intervals;

        public DateTimeOffset Start => intervals[0].StartUtc;

        public DateTimeOffset Deadline(DateTimeOffset arrived) => type.Hours.AddOpenTime(zone, arrived, type.Sla!.Value);

        public WorkLot Lot(string label, int releaseIndex, DateTimeOffset workableFrom, DateTimeOffset due, double items)
        {
            var minutes = items * type.HandleMinutes;
            var end = _ends[^1];
            if (due <= end)
            {
                return new WorkLot(label, releaseIndex, due, DueIndex(due), items, minutes, minutes);
            }

            var inside = type.Hours.OpenTimeBetween(zone, workableFrom, end);
            var whole = type.Hours.OpenTimeBetween(zone, workableFrom, due);
            var share = whole > TimeSpan.Zero ? inside / whole : 0;
            return new WorkLot(label, releaseIndex, due, _ends.Length - 1, items, minutes, minutes * share);
        }

        /// <summary>The last interval ending by <paramref name="due"/>; the first one when none does.</summary>
        private int DueIndex(DateTimeOffset due)
        {
            var index = Array.BinarySearch(_ends, due);
            return Math.Max(0, index >= 0 ? index : ~index - 1);
        }
    }
}
