using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Scheduling.Simulation;

/// <summary>
/// A schedule's period as the simulator sees it: elapsed time from the period's first instant, in whole 24-hour
/// days (a daylight-saving day shifts local clock times, not elapsed ones), on the schedule's interval length.
/// </summary>
public sealed record ElapsedGrid(DateTimeOffset Start, DateTimeOffset End, int IntervalMinutes)
{
    public static ElapsedGrid Of(Horizon horizon)
    {
        ArgumentNullException.ThrowIfNull(horizon);
        var intervals = IntervalGrid.Build(LocalTime.FindZone(horizon.TimeZone), horizon.FirstDay, horizon.Days, horizon.IntervalMinutes);
        return new ElapsedGrid(intervals[0].StartUtc, intervals[^1].EndUtc, horizon.IntervalMinutes);
    }

    /// <summary>Whole simulated days covering the period.</summary>
    public int Days => (int)Math.Ceiling((End - Start).TotalMinutes / 1440);

    /// <summary>Intervals of the period (the simulated days may have a few more after it).</summary>
    public int PeriodIntervals => (int)((End - Start).TotalMinutes / IntervalMinutes);

    /// <summary>Intervals of the simulated days.</summary>
    public int SimulatedIntervals => Days * 1440 / IntervalMinutes;

    public double SecondsOf(DateTimeOffset instant) => (instant - Start).TotalSeconds;

    public int MinuteOf(DateTimeOffset instant) => (int)Math.Round((instant - Start).TotalMinutes);

    /// <summary>The interval containing <paramref name="instant"/>; negative before the period, beyond it after.</summary>
    public int IndexOf(DateTimeOffset instant) => (int)Math.Floor((instant - Start).TotalMinutes / IntervalMinutes);

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
