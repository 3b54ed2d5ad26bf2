using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling;

/// <summary>Builds a schedule that respects every hard rule, with a lower bound on the best possible objective.</summary>
public interface IScheduleOptimizer
{
    /// <summary>Solves until the gap tolerance, the time limit or cancellation; a cancelled solve returns the best schedule so far.</summary>
    ScheduleResult Solve(ScheduleProblem problem, IProgress<ScheduleProgress>? progress = null, CancellationToken cancellationToken = default);
}

/// <param name="TimeLimit">Wall-clock budget of a solve.</param>
/// <param name="GapTolerance">Stop once (objective − bound) / objective is at most this.</param>
/// <param name="BoundShare">Share of the time limit column generation may spend tightening the bound.</param>
/// <param name="Clock">Source of elapsed time (tests can pass a fake).</param>
/// <param name="LinearSolver">OR-Tools LP backend: "CLP" (re-solves after added columns and changed bounds faster here) or "GLOP".</param>
public sealed record ScheduleOptimizerOptions(TimeSpan TimeLimit, double GapTolerance = 0.001, double BoundShare = 0.6, TimeProvider? Clock = null, string LinearSolver = "CLP")
{
    public TimeProvider TimeProvider => Clock ?? TimeProvider.System;
}
