namespace BackOfficeCloud.Planning.Calendar;

/// <summary>A span of local wall-clock time within one day; <see cref="Close"/> of 00:00 means midnight at the end.</summary>
public readonly record struct TimeRange(TimeOnly Open, TimeOnly Close)
{
    public bool Contains(TimeOnly time) =>
        time >= Open && (Close == TimeOnly.MinValue || time < Close);
}

/// <summary>When a queue or team works, on its local calendar: weekly hours less closed dates (holidays).</summary>
public sealed class OpenHours
{
    private readonly Dictionary<DayOfWeek, TimeRange[]> _weekly;
    private readonly HashSet<DateOnly> _closedDates;

    public OpenHours(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeRange>> weekly, IEnumerable<DateOnly>? closedDates = null)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        _weekly = weekly.ToDictionary(kv => kv.Key, kv => kv.Value.OrderBy(r => r.Open).ToArray());
        foreach (var (day, ranges) in _weekly)
        {
            foreach (var r in ranges)
            {
                if (r.Close != TimeOnly.MinValue && r.Close <= r.Open)
                {
                    throw new ArgumentException($"Open hours on {day}: {r.Open:HH\\:mm}-{r.Close:HH\\:mm} closes before it opens.", nameof(weekly));
                }
            }
        }

        _closedDates = closedDates is null ? [] : [.. closedDates];
    }

    /// <summary>Open every minute of every day.</summary>
    public static OpenHours AlwaysOpen { get; } = new(
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<TimeRange>)[new TimeRange(TimeOnly.MinValue, TimeOnly.MinValue)]));

    /// <summary>The same hours on the given weekdays, closed on the others.</summary>
    public static OpenHours Weekdays(TimeOnly open, TimeOnly close, params DayOfWeek[] days) =>
        new(days.ToDictionary(d => d, _ => (IReadOnlyList<TimeRange>)[new TimeRange(open, close)]));

    public IReadOnlySet<DateOnly> ClosedDates => _closedDates;

    public IReadOnlyList<TimeRange> RangesOn(DateOnly day) =>
        _closedDates.Contains(day) || !_weekly.TryGetValue(day.DayOfWeek, out var ranges) ? [] : ranges;

    public bool IsOpen(DateTime local) =>
        RangesOn(DateOnly.FromDateTime(local)).Any(r => r.Contains(TimeOnly.FromDateTime(local)));

    public bool IsOpen(PlanningInterval interval) => IsOpen(interval.LocalStart);

    /// <summary>A copy with more closed dates.</summary>
    public OpenHours WithClosedDates(IEnumerable<DateOnly> dates) =>
        new(_weekly.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<TimeRange>)kv.Value), _closedDates.Concat(dates));

    /// <summary>
    /// The instant at which <paramref name="openTime"/> of open time has passed after <paramref name="start"/>,
    /// e.g. the deadline of "within 48 business hours". Counted in elapsed time, so a daylight-saving change inside
    /// open hours is honoured.
    /// </summary>
    public DateTimeOffset AddOpenTime(TimeZoneInfo zone, DateTimeOffset start, TimeSpan openTime)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (openTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(openTime), openTime, "Open time to add must not be negative.");
        }

        var remaining = openTime;
        var day = DateOnly.FromDateTime(LocalTime.ToLocal(zone, start));
        for (var guard = 0; guard < 3700; guard++, day = day.AddDays(1))
        {
            foreach (var range in RangesOn(day))
            {
                var from = LocalTime.ToUtc(zone, day.ToDateTime(range.Open));
                var to = range.Close == TimeOnly.MinValue
                    ? LocalTime.StartOfDay(zone, day.AddDays(1))
                    : LocalTime.ToUtc(zone, day.ToDateTime(range.Close));
                if (to <= start)
                {
                    continue;
                }

                if (from < start)
                {
                    from = start;
                }

                var available = to - from;
                if (available >= remaining)
                {
                    return from + remaining;
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException("The open hours have no open time within ten years: cannot place a business-hours deadline.");
    }
}
