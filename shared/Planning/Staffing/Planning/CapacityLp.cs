using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Staffing.Deferrable;
using Google.OrTools.LinearSolver;

namespace BackOfficeCloud.Planning.Staffing.Planning;

/// <summary>An LP solution: productive agents per interval and the deferrable flow they carry.</summary>
internal sealed record CapacityPlan(PlanStatus Status, double[] Agents, DeferrableFlowValues Flow, double Objective, long Iterations);

/// <param name="Planned">Work minutes per stream and interval; empty when the solver found no plan.</param>
internal sealed record DeferrableFlowValues(double[][] Planned, double Penalty);

/// <summary>
/// Solves "agents as cheap as possible, deferrable work done by its deadlines" for a given way of providing agents:
/// in each interval Σ work minutes ≤ minutes × agents − minutes already committed (to immediate queues).
/// The caller creates the agent variables and their costs; an interval without one has no capacity.
/// </summary>
internal static class CapacityLp
{
    public static CapacityPlan Solve(
        RequirementsOptions options,
        IReadOnlyList<WorkStream> streams,
        IReadOnlyList<PlanningInterval> intervals,
        Func<Solver, IReadOnlyList<Variable?>> createAgents,
        IReadOnlyList<double> committedMinutes)
    {
        using var solver = Solver.CreateSolver(options.Algorithm == LpAlgorithm.Pdlp ? "PDLP" : "GLOP")
            ?? throw new InvalidOperationException($"OR-Tools has no {options.Algorithm} solver in this build.");
        solver.SetTimeLimit((long)options.TimeLimit.TotalMilliseconds);
        var flow = new DeferrableFlow(solver, streams, intervals, options.OverduePenaltyHours);
        var agents = createAgents(solver);
        for (var t = 0; t < intervals.Count; t++)
        {
            if (!flow.HasWorkAt(t))
            {
                continue;
            }

            var capacity = solver.MakeConstraint(double.NegativeInfinity, -committedMinutes[t]);
            flow.AddWorkTo(capacity, t);
            if (agents[t] is { } a)
            {
                capacity.SetCoefficient(a, -intervals[t].Minutes);
            }
        }

        solver.Objective().SetMinimization();
        var status = solver.Solve() switch
        {
            Solver.ResultStatus.OPTIMAL => PlanStatus.Optimal,
            Solver.ResultStatus.FEASIBLE => PlanStatus.Feasible,
            _ => PlanStatus.NotSolved,
        };
        var values = status == PlanStatus.NotSolved
            ? new DeferrableFlowValues([], 0)
            : new DeferrableFlowValues([.. streams.Select((_, s) => flow.PlannedMinutes(s))], flow.Penalty(solver.Objective()));
        var agentValues = agents.Select(a => status == PlanStatus.NotSolved ? 0 : a?.SolutionValue() ?? 0).ToArray();
        return new CapacityPlan(status, agentValues, values, solver.Objective().Value(), solver.Iterations());
    }
}
