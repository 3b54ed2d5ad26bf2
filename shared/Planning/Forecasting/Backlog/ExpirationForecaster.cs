using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Forecasting.Backlog;

/// <summary>Open items that share a deadline.</summary>
public readonly record struct OpenItems(DateTimeOffset Deadline, double Count);

/// <summary>
/// When an arriving item is due: <paramref name="Target"/> after it arrives, counted in open time of
/// <paramref name="BusinessHours"/> when given (e.g. "within 16 business hours"), else in elapsed time.
/// </summary>
public sealed record DeadlineRule(TimeSpan Target, OpenHours? BusinessHours = null)
{
    public DateTimeOffset DeadlineOf(TimeZoneInfo zone, DateTimeOffset arrival) =>
        BusinessHours is null ? arrival + Target : BusinessHours.AddOpenTime(zone, arrival, Target);
}

/// <param name="Open">Items open at the start of the first interval, by deadline.</param>
/// <param name="Intervals">Forecast arrivals (due by <paramref name="Deadline"/>) and planned capacity per interval.</param>
public sealed record ExpirationRequest(
    TimeZoneInfo Zone,
    IReadOnlyList<OpenItems> Open,
    IReadOnlyList<WorkInterval> Intervals,
    double MinutesPerItem,
    DeadlineRule Deadline);

/// <summary>Items due on one local day and how many of them are expected to miss the deadline.</summary>
public readonly record struct ExpirationDay(DateOnly Date, double Due, double Missed);

/// <param name="Days">Each local day with deadlines up to the end of the last interval.</param>
/// <param name="OpenAtEnd">Items still open after the last interval (their fate is beyond the horizon).</param>
public sealed record ExpirationForecast(IReadOnlyList<ExpirationDay> Days, double Missed, double OpenAtEnd);

/// <summary>
/// How many items, by deadline day, miss their deadline if the planned capacity works them earliest deadline first.
/// A fluid simulation, exact for capacity spread evenly over each interval: within an interval, work proceeds at
/// capacity ÷ length per minute; an item group whose deadline falls before its work is done misses by the part not
/// done, and (as EDF does) is still worked before later deadlines.
/// </summary>
public sealed class ExpirationForecaster
{
    public ExpirationForecast Forecast(ExpirationRequest request)
    {
        Validate(request);

        // Open items first, then one group per interval: its arrivals, joining at the interval's start.
        var groups = request.Open.Select(o => new Group(o.Deadline, o.Count))
            .Concat(request.Intervals.Select(w => new Group(request.Deadline.DeadlineOf(request.Zone, w.Interval.StartUtc), w.ArrivingItems)))
            .ToList();
        return Simulate(request, groups);
    }

    private static ExpirationForecast Simulate(ExpirationRequest request, List<Group> all)
    {
        var openCount = request.Open.Count;
        var active = new List<Group>(all.Take(openCount).Where(g => g.Count > 0));
        for (var i = 0; i < request.Intervals.Count; i++)
        {
            var w = request.Intervals[i];
            if (all[openCount + i].Count > 0)
            {
                active.Add(all[openCount + i]);
            }

            active.Sort((a, b) => a.Deadline.CompareTo(b.Deadline));
            var now = w.Interval.StartUtc;
            var end = w.Interval.EndUtc;
            SettleDue(active, now);
            var perMinute = w.CapacityMinutes / (end - now).TotalMinutes;
            foreach (var group in active)
            {
                if (now >= end || perMinute <= 0)
                {
                    break;
                }

                var minutesNeeded = group.Remaining * request.MinutesPerItem / perMinute;
                var finish = now.AddMinutes(Math.Min(minutesNeeded, (end - now).TotalMinutes));
                if (group.Deadline < finish && !group.Settled)
                {
                    var doneByDeadline = (group.Deadline - now).TotalMinutes * perMinute / request.MinutesPerItem;
                    group.Settle(missed: group.Remaining - doneByDeadline);
                }

                group.Remaining -= (finish - now).TotalMinutes * perMinute / request.MinutesPerItem;
                if (group.Remaining <= 1e-9)
                {
                    group.Remaining = 0;
                    group.Settle(missed: 0);
                }

                now = finish;
            }

            SettleDue(active, end);
            active.RemoveAll(g => g.Remaining <= 0);
        }

        var horizonEnd = request.Intervals.Count == 0 ? DateTimeOffset.MinValue : request.Intervals[^1].Interval.EndUtc;
        var days = all
            .Where(g => g.Count > 0 && g.Deadline <= horizonEnd)
            .GroupBy(g => DateOnly.FromDateTime(LocalTime.ToLocal(request.Zone, g.Deadline)))
            .OrderBy(d => d.Key)
            .Select(d => new ExpirationDay(d.Key, d.Sum(g => g.Count), d.Sum(g => g.Missed)))
            .ToList();
        return new ExpirationForecast(days, days.Sum(d => d.Missed), active.Sum(g => g.Remaining));
    }

    /// <summary>Groups whose deadline has passed by <paramref name="time"/> miss by what is left of them.</summary>
    private static void SettleDue(List<Group> active, DateTimeOffset time)
    {
        foreach (var group in active.Where(g => g.Deadline <= time))
        {
            group.Settle(missed: group.Remaining);
        }
    }

    private static void Validate(ExpirationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Zone, nameof(request.Zone));
        ArgumentNullException.ThrowIfNull(request.Open, nameof(request.Open));
        ArgumentNullException.ThrowIfNull(request.Deadline, nameof(request.Deadline));
        WorkIntervals.Validate(request.Intervals, request.MinutesPerItem, nameof(request.Intervals));
        for (var i = 0; i < request.Open.Count; i++)
        {
            if (!(request.Open[i].Count >= 0) || !double.IsFinite(request.Open[i].Count))
            {
                throw new ArgumentException($"Open[{i}].Count is {request.Open[i].Count}: it must be finite and not negative.", nameof(request));
            }
        }
    }

    /// <summary>Items of one deadline: how many are left, and how many missed once the deadline has passed.</summary>
    private sealed class Group(DateTimeOffset deadline, double count)
    {
        public DateTimeOffset Deadline { get; } = deadline;

        public double Count { get; } = count;

        public double Remaining { get; set; } = count;

        public double Missed { get; private set; }

        public bool Settled { get; private set; }

        public void Settle(double missed)
        {
            if (!Settled)
            {
                (Missed, Settled) = (Math.Max(0, missed), true);
            }
        }
    }
}
