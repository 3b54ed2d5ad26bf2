using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Staffing.Deferrable;
using Google.OrTools.LinearSolver;

namespace BackOfficeCloud.Planning.Staffing.Planning;

/// <summary>A solved capacity plan: scheduled heads per interval (fractional in an LP) and the deferrable flow they carry.</summary>
/// <param name="Bound">Lower bound on the objective: the LP optimum, or the MIP's best bound.</param>
internal sealed record CapacityPlan(PlanStatus Status, double[] Heads, DeferrableFlowValues Flow, double Objective, double Bound, long Iterations);

/// <param name="Planned">Work minutes per stream and interval; empty when the solver found no plan.</param>
internal sealed record DeferrableFlowValues(double[][] Planned, double Penalty);

/// <summary>
/// Solves "heads as cheap as possible, deferrable work done by its deadlines" for a given way of providing heads: in
/// each interval Σ work minutes ≤ minutes × productive share × heads − minutes already committed (to immediate
/// queues). The caller creates the head variables (integer when <see cref="LpAlgorithm.Scip"/>) and their costs;
/// an interval without one has no capacity.
/// </summary>
internal static class CapacityLp
{
    public static CapacityPlan Solve(
        RequirementsOptions options,
        IReadOnlyList<WorkStream> streams,
        IReadOnlyList<PlanningInterval> intervals,
        double productiveShare,
        Func<Solver, bool, IReadOnlyList<Variable?>> createHeads,
        IReadOnlyList<double> committedMinutes)
    {
        var integer = options.Algorithm == LpAlgorithm.Scip;
        using var solver = Solver.CreateSolver(options.Algorithm.ToString().ToUpperInvariant())
            ?? throw new InvalidOperationException($"OR-Tools has no {options.Algorithm} solver in this build.");
        solver.SetTimeLimit((long)options.TimeLimit.TotalMilliseconds);
        var flow = new DeferrableFlow(solver, streams, intervals, options.OverduePenaltyHours);
        var heads = createHeads(solver, integer);
        for (var t = 0; t < intervals.Count; t++)
        {
            if (!flow.HasWorkAt(t))
            {
                continue;
            }

            var capacity = solver.MakeConstraint(double.NegativeInfinity, -committedMinutes[t]);
            flow.AddWorkTo(capacity, t);
            if (heads[t] is { } h)
            {
                capacity.SetCoefficient(h, -intervals[t].Minutes * productiveShare);
            }
        }

        var objective = solver.Objective();
        objective.SetMinimization();
        var status = solver.Solve() switch
        {
            Solver.ResultStatus.OPTIMAL => PlanStatus.Optimal,
            Solver.ResultStatus.FEASIBLE => PlanStatus.Feasible,
            _ => PlanStatus.NotSolved,
        };
        if (status == PlanStatus.NotSolved)
        {
            return new CapacityPlan(status, new double[intervals.Count], new DeferrableFlowValues([], 0), 0, 0, solver.Iterations());
        }

        return new CapacityPlan(
            status,
            [.. heads.Select(h => h?.SolutionValue() ?? 0)],
            new DeferrableFlowValues([.. streams.Select((_, s) => flow.PlannedMinutes(s))], flow.Penalty(objective)),
            objective.Value(),
            integer ? objective.BestBound() : objective.Value(),
            solver.Iterations());
    }
}
