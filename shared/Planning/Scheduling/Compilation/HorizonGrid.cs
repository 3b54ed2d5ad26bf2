using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Compilation;

/// <summary>The horizon's intervals with the lookups the solver and the checker need.</summary>
public sealed class HorizonGrid
{
    private readonly Dictionary<DateTimeOffset, int> _indexByStart;

    public HorizonGrid(Horizon horizon)
    {
        ArgumentNullException.ThrowIfNull(horizon);
        Zone = LocalTime.FindZone(horizon.TimeZone);
        IntervalMinutes = horizon.IntervalMinutes;
        Intervals = IntervalGrid.Build(Zone, horizon.FirstDay, horizon.Days, horizon.IntervalMinutes);
        _indexByStart = new Dictionary<DateTimeOffset, int>(Intervals.Count + 1);
        var dayStarts = new List<int>();
        for (var t = 0; t < Intervals.Count; t++)
        {
            _indexByStart[Intervals[t].StartUtc] = t;
            if (t == 0 || Intervals[t].LocalDate != Intervals[t - 1].LocalDate)
            {
                dayStarts.Add(t);
            }
        }

        dayStarts.Add(Intervals.Count);
        DayStarts = dayStarts;
        End = Intervals.Count == 0 ? LocalTime.StartOfDay(Zone, horizon.FirstDay) : Intervals[^1].EndUtc;
        _indexByStart[End] = Intervals.Count;
    }

    public TimeZoneInfo Zone { get; }

    public int IntervalMinutes { get; }

    public IReadOnlyList<PlanningInterval> Intervals { get; }

    public int Count => Intervals.Count;

    public int Days => DayStarts.Count - 1;

    /// <summary>Index of the first interval of each day, plus <see cref="Count"/> at the end.</summary>
    public IReadOnlyList<int> DayStarts { get; }

    public DateTimeOffset End { get; }

    public double Hours(int t) => Intervals[t].Minutes / 60.0;

    public DateTimeOffset StartOf(int t) => t == Count ? End : Intervals[t].StartUtc;

    public DateOnly Date(int day) => Intervals[DayStarts[day]].LocalDate;

    public int DayOf(int t)
    {
        var day = 0;
        while (DayStarts[day + 1] <= t)
        {
            day++;
        }

        return day;
    }

    /// <summary>The index of the interval starting at <paramref name="instant"/> (or <see cref="Count"/> for the end), or -1 if it is off the grid.</summary>
    public int IndexAt(DateTimeOffset instant) => _indexByStart.TryGetValue(instant, out var t) ? t : -1;

    /// <summary>Index of the first interval starting at or after <paramref name="instant"/>.</summary>
    public int CeilingIndex(DateTimeOffset instant)
    {
        var t = 0;
        while (t < Count && Intervals[t].StartUtc < instant)
        {
            t++;
        }

        return t;
    }

    public double MinutesBetween(int from, int to) => (StartOf(to) - StartOf(from)).TotalMinutes;
}
