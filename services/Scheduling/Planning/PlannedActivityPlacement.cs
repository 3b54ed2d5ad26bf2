using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Model;
using EngineTimeOff = BackOfficeCloud.Planning.Scheduling.Model.TimeOff;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>
/// The planned activities an agent attends, as the engine's fixed activities: on the horizon's grid (start rounded
/// down, end up, cut to the horizon); one that meets the agent's time off, or an earlier activity of theirs, is not
/// booked — the absence wins and two activities cannot share the agent.
/// </summary>
public static class PlannedActivityPlacement
{
    public static IReadOnlyList<FixedActivity> For(
        string agentId, IReadOnlyList<PlannedActivity> activities, IReadOnlyList<EngineTimeOff> absences, Horizon horizon, IReadOnlyList<PlanningInterval> grid)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(horizon);
        ArgumentNullException.ThrowIfNull(grid);
        var zone = LocalTime.FindZone(horizon.TimeZone);
        var (first, last) = (grid[0].StartUtc, grid[^1].EndUtc);
        var booked = new List<FixedActivity>();
        foreach (var a in activities.Where(a => a.AgentIds.Contains(agentId)).OrderBy(a => a.Start.ToDateTimeOffset()))
        {
            var start = Max(IntervalGrid.Floor(zone, a.Start.ToDateTimeOffset(), horizon.IntervalMinutes), first);
            var end = Min(IntervalGrid.Floor(zone, a.End.ToDateTimeOffset().AddTicks(-1), horizon.IntervalMinutes).AddMinutes(horizon.IntervalMinutes), last);
            if (end > start && !absences.Any(t => t.Start < end && t.End > start) && !booked.Any(f => f.Start < end && f.End > start))
            {
                booked.Add(new FixedActivity(a.Name, start, end));
            }
        }

        return booked;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
