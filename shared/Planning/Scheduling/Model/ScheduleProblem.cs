namespace BackOfficeCloud.Planning.Scheduling.Model;

/// <summary>Everything the optimiser needs to build a schedule; intervals are indexed from 0 over <see cref="Horizon"/>.</summary>
public sealed record ScheduleProblem(
    Horizon Horizon,
    IReadOnlyList<ImmediateQueue> Queues,
    IReadOnlyList<DeferrableWork> WorkTypes,
    IReadOnlyList<Employee> Employees,
    ShiftRules ShiftRules,
    ObjectiveWeights Weights);

/// <summary>Local days laid out as fixed-length intervals (daylight-saving days have fewer or more of them).</summary>
public sealed record Horizon(string TimeZone, DateOnly FirstDay, int Days, int IntervalMinutes);

/// <summary>An immediate-response queue: agents needed per interval, and what a missing agent costs per hour.</summary>
public sealed record ImmediateQueue(string Skill, double MissingAgentHourCost, IReadOnlyList<double> RequiredAgents);

/// <summary>Deferrable work of one skill: minutes that arrive and must be done before their deadlines.</summary>
public sealed record DeferrableWork(string Id, string Skill, IReadOnlyList<WorkArrival> Arrivals);

/// <summary>
/// <paramref name="Minutes"/> of work that can be started from interval <paramref name="Interval"/> and must be done
/// before interval <paramref name="DueInterval"/> starts (a due interval past the horizon has no deadline inside it).
/// </summary>
public sealed record WorkArrival(int Interval, double Minutes, int DueInterval);

/// <summary>How the soft rules are priced; every part of the objective is in the same money unit as hourly costs.</summary>
/// <param name="OverstaffedAgentHour">Cost of an agent hour on a queue beyond its requirement.</param>
/// <param name="OverdueWorkMinuteHour">Cost of one minute of work being past its deadline for one hour.</param>
/// <param name="PreferenceViolation">Cost of a shift starting outside the preferred window or on a preferred day off.</param>
/// <param name="WholeWeekendWorked">Cost of working both Saturday and Sunday of a weekend (fairness).</param>
/// <param name="LateShift">Cost of a shift ending after <paramref name="LateShiftEndsAfter"/> (fairness).</param>
public sealed record ObjectiveWeights(
    double OverstaffedAgentHour,
    double OverdueWorkMinuteHour,
    double PreferenceViolation,
    double WholeWeekendWorked,
    double LateShift,
    TimeOnly LateShiftEndsAfter);
