namespace BackOfficeCloud.Planning.Scheduling.Model;

public enum SolveStatus
{
    /// <summary>The gap reached the tolerance.</summary>
    Optimal,
    /// <summary>A schedule that respects every hard rule, stopped by the time limit.</summary>
    Feasible,
    /// <summary>Cancelled: the best schedule found so far.</summary>
    Cancelled,
}

/// <summary>The objective split into its named soft rules (money units).</summary>
public sealed record ObjectiveParts(
    double UnderCoverage,
    double OverCoverage,
    double DeadlineShortfall,
    double PaidHours,
    double Preferences,
    double Fairness)
{
    public double Total => UnderCoverage + OverCoverage + DeadlineShortfall + PaidHours + Preferences + Fairness;
}

/// <summary>Agents required and delivered per interval for one immediate queue.</summary>
public sealed record QueueCoverage(string Skill, IReadOnlyList<double> Required, IReadOnlyList<double> Covered);

/// <summary>How far a work type fell behind its deadlines (minutes counted on the cumulative due and done curves).</summary>
public sealed record WorkShortfall(string WorkType, double OverdueMinuteHours, double MaxOverdueMinutes, double UnfinishedMinutes);

/// <param name="LowerBound">No schedule can cost less than this (LP bound of the shift-pattern relaxation).</param>
/// <param name="Gap">(objective − bound) / objective.</param>
/// <param name="Iterations">Column-generation rounds plus local-search rounds.</param>
public sealed record ScheduleResult(
    SolveStatus Status,
    Schedule Schedule,
    ObjectiveParts Objective,
    double LowerBound,
    double Gap,
    int Iterations,
    TimeSpan Elapsed,
    IReadOnlyList<QueueCoverage> Coverage,
    IReadOnlyList<WorkShortfall> Deadlines);

/// <summary>Progress of a running solve; <see cref="Objective"/> is +∞ until a first schedule exists.</summary>
public sealed record ScheduleProgress(string Phase, double Objective, double LowerBound, double Gap, TimeSpan Elapsed);
