using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Staffing.Deferrable;
using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Planning.Staffing.Planning;

public enum PlanStatus
{
    /// <summary>The LP was solved to optimality: its value is a bound on every plan.</summary>
    Optimal,

    /// <summary>The time limit stopped the solver with a usable plan; the bound is weaker.</summary>
    Feasible,

    /// <summary>The solver stopped without a plan (time limit or numerical trouble).</summary>
    NotSolved,
}

/// <summary>One work type's part of an interval of the blended plan, in work minutes.</summary>
/// <param name="OverdueMinutes">Work past its deadline still undone at the end of the interval.</param>
public sealed record WorkTypeInterval(string WorkType, double PlannedMinutes, double BacklogMinutes, double OverdueMinutes);

/// <summary>The blended and silo requirement of one planning interval.</summary>
/// <param name="Queues">Each immediate queue's staffing, in the order of the request's queues.</param>
/// <param name="ImmediateAgents">Productive agents the immediate queues need (their sum).</param>
/// <param name="ProductiveAgents">Productive blended agents of the LP plan, fractional: immediate plus deferrable work.</param>
/// <param name="ScheduledHeads">Whole heads to schedule for it after shrinkage.</param>
/// <param name="SiloHeads">Whole heads of the silo plan: immediate queues plus the flat back-office team when it works.</param>
public sealed record IntervalRequirement(
    PlanningInterval Interval,
    IReadOnlyList<QueueMetrics> Queues,
    IReadOnlyList<WorkTypeInterval> WorkTypes,
    double ImmediateAgents,
    double ProductiveAgents,
    int ScheduledHeads,
    int SiloHeads)
{
    /// <summary>Productive agents beyond the immediate queues' need, working deferrable items.</summary>
    public double DeferrableAgents => ProductiveAgents - ImmediateAgents;

    public double DeferrableMinutes => WorkTypes.Sum(w => w.PlannedMinutes);
}

/// <summary>The blended plan's totals.</summary>
/// <param name="PaidHours">Scheduled whole heads × interval hours.</param>
/// <param name="LpBoundHours">Paid hours of the LP optimum: no plan with integer heads can pay less.</param>
/// <param name="Gap">(PaidHours − LpBoundHours) / PaidHours: what rounding to whole heads costs at most.</param>
/// <param name="OverduePenalty">The objective's penalty part, in paid-hour equivalents (0 when every deadline is met).</param>
public sealed record BlendedTotals(double PaidHours, double LpBoundHours, double Gap, double OverduePenalty, long Iterations);

/// <summary>The silo plan: immediate queues by Erlang alone, and a separate back-office team working flat through its hours.</summary>
public sealed record SiloTotals(double ImmediatePaidHours, int BackOfficeHeads, double BackOfficePaidHours)
{
    public double PaidHours => ImmediatePaidHours + BackOfficePaidHours;
}

public sealed record RequirementsResult(
    PlanStatus Status,
    IReadOnlyList<IntervalRequirement> Intervals,
    IReadOnlyList<DeadlineShortfall> Shortfalls,
    BlendedTotals Blended,
    SiloTotals Silo)
{
    public double SavingHours => Silo.PaidHours - Blended.PaidHours;

    public double SavingShare => Silo.PaidHours > 0 ? SavingHours / Silo.PaidHours : 0;
}
