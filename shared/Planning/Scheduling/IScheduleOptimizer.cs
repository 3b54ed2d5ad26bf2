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
/// <param name="PatternLpSolver">OR-Tools backend of the column-generation LP: GLOP honours the time limit and cancellation mid-solve.</param>
/// <param name="AllocationLpSolver">OR-Tools backend of the local search's LP: CLP re-solves from the last basis after small changes.</param>
public sealed record ScheduleOptimizerOptions(
    TimeSpan TimeLimit,
    double GapTolerance = 0.001,
    double BoundShare = 0.75,
    TimeProvider? Clock = null,
    string PatternLpSolver = "GLOP",
    string AllocationLpSolver = "CLP")
{
    public TimeProvider TimeProvider => Clock ?? TimeProvider.System;
}
