using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Simulation.Scenario;

/// <summary>
/// A blended center to simulate from <see cref="Start"/> for <see cref="Days"/> days on a grid of
/// <see cref="IntervalMinutes"/>-minute intervals. Simulated time is elapsed time from the start (days of 24 hours:
/// shifts and arrival profiles are given per elapsed day, so daylight-saving shifts do not apply). KPIs exclude the
/// first <see cref="WarmUpMinutes"/>, when the center fills up from empty.
/// </summary>
public sealed record SimulationScenario(
    DateTimeOffset Start,
    int Days,
    int IntervalMinutes,
    IReadOnlyList<QueueScenario> Queues,
    IReadOnlyList<BackOfficeScenario> BackOffice,
    IReadOnlyList<AgentGroup> Agents,
    double WarmUpMinutes = 0)
{
    public int IntervalCount => Days * 1440 / IntervalMinutes;

    public double IntervalSeconds => IntervalMinutes * 60.0;

    public double DurationSeconds => Days * 86400.0;
}

/// <summary>An immediate queue: its arrivals, handle times, caller patience (none: callers never hang up) and SL goal.</summary>
public sealed record QueueScenario(
    string Name,
    string Skill,
    ArrivalPattern Arrivals,
    Distribution HandleTime,
    double ServiceLevelTarget = 0.8,
    double ThresholdSeconds = 20,
    Distribution? Patience = null);

/// <summary>
/// A back-office item type: its arrivals, the effort an item really takes (at proficiency 1; the engine is told the
/// distribution's mean, as a real back office only knows an estimate), and the deadline after arrival.
/// </summary>
public sealed record BackOfficeScenario(
    string Type,
    string Skill,
    ArrivalPattern Arrivals,
    Distribution Effort,
    double DeadlineHours,
    int Priority = 0,
    bool Interruptible = true);

/// <summary><see cref="Count"/> identical agents with the same skills and daily shift blocks.</summary>
public sealed record AgentGroup(
    string Name,
    int Count,
    IReadOnlyList<GroupSkill> Skills,
    IReadOnlyList<ShiftBlock> Shifts);

public sealed record GroupSkill(string Skill, double Proficiency = 1.0);

/// <summary>
/// A block of one activity from <see cref="StartMinute"/> to <see cref="EndMinute"/> of each simulated day listed in
/// <see cref="Days"/> (0 = the first day; null = every day). Consecutive blocks make up a shift.
/// </summary>
public sealed record ShiftBlock(int StartMinute, int EndMinute, ScheduledActivity Activity, IReadOnlyList<int>? Days = null);
