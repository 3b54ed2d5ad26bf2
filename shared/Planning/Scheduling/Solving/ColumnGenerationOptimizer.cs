using BackOfficeCloud.Planning.Scheduling.Compilation;
using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// Column generation over work patterns gives the lower bound; the LP's patterns rounded per employee class give a
/// first schedule, which a local search improves by moving single employees to the pattern that the allocation LP's
/// duals price cheapest (a batch of moves is kept only if the LP value of the whole schedule drops); activities are
/// then cut into blocks and the schedule is priced exactly.
/// </summary>
public sealed class ColumnGenerationOptimizer(ScheduleOptimizerOptions options) : IScheduleOptimizer
{
    public ScheduleResult Solve(ScheduleProblem problem, IProgress<ScheduleProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = options.TimeProvider;
        var started = clock.GetTimestamp();
        TimeSpan Elapsed() => clock.GetElapsedTime(started);
        var compiled = CompiledProblem.Compile(problem);
        var pricer = new PatternPricer(compiled);
        var bound = new BoundSearch(compiled, pricer, options.PatternLpSolver, cancellationToken);
        var iterations = bound.Run(
            () => (options.TimeLimit * options.BoundShare) - Elapsed(),
            () => Elapsed() > options.TimeLimit * options.BoundShare || cancellationToken.IsCancellationRequested,
            options.GapTolerance,
            lowerBound => progress?.Report(new ScheduleProgress("bound", double.PositiveInfinity, lowerBound, double.NaN, Elapsed())));

        using var allocation = new MasterProblem(compiled, options.AllocationLpSolver, withPatterns: false);
        var local = new LocalSearch(compiled, pricer, allocation, bound.LowerBound, bound.RoundedCounts(), bound.Patterns());
        bound.Dispose();
        var finishShare = TimeSpan.FromTicks(Math.Max(options.TimeLimit.Ticks / 20, TimeSpan.FromSeconds(1).Ticks));
        iterations += local.Run(
            () => options.TimeLimit - finishShare - Elapsed(),
            () => Elapsed() > options.TimeLimit - finishShare || cancellationToken.IsCancellationRequested,
            options.GapTolerance,
            z => progress?.Report(new ScheduleProgress("improve", z, bound.LowerBound, Gap(z, bound.LowerBound), Elapsed())));

        // The block refinement may use half of the finishing share; pricing the schedule needs the rest.
        var schedule = new ActivityAssigner(compiled).Assign(local.PatternByEmployee(), allocation.Split, () => Elapsed() > options.TimeLimit - (finishShare / 2));
        var evaluation = new ScheduleEvaluator(compiled).Evaluate(schedule);
        var objective = evaluation.Parts.Total;
        var lowerBound = Math.Min(bound.LowerBound, objective);
        var gap = Gap(objective, lowerBound);
        progress?.Report(new ScheduleProgress("done", objective, lowerBound, gap, Elapsed()));
        var status = cancellationToken.IsCancellationRequested ? SolveStatus.Cancelled
            : gap <= options.GapTolerance ? SolveStatus.Optimal : SolveStatus.Feasible;
        return new ScheduleResult(status, schedule, evaluation.Parts, lowerBound, gap, iterations, Elapsed(), evaluation.Coverage, evaluation.Deadlines);
    }

    private static double Gap(double objective, double bound) =>
        objective <= 1e-9 ? 0 : Math.Max(0, (objective - bound) / Math.Abs(objective));
}
