using BackOfficeCloud.Planning.Scheduling.Compilation;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// A Lagrangian bound of the pattern LP that needs no LP solve: every row is dualised (queue rows with μ, work
/// capacity rows with ρ ≥ 0, due rows with σ ≥ 0), so the non-pattern part falls apart per variable, and the duty
/// price of a group is the best value its on-duty time has for one of its activities (a split variable is bounded by
/// the group's members, so that price maximises the bound over the duty multipliers). Projected subgradient ascent
/// with a Polyak step towards a target just above the best bound; μ stays within [−over-staffing, missing-agent]
/// cost and σ under the overdue cost, so under-, over-coverage and overdue minutes never make the bound unbounded.
/// </summary>
internal sealed class LagrangianAscent(CompiledProblem problem, PatternPricer pricer)
{
    private const double TargetAbove = 0.01;
    private const int PatienceBeforeHalving = 10;

    private readonly double[][] _mu = [.. problem.Problem.Queues.Select(_ => new double[problem.Grid.Count])];
    private readonly double[][] _rho = [.. problem.Problem.WorkTypes.Select(_ => new double[problem.Grid.Count])];
    private readonly double[][] _sigma = [.. problem.Problem.WorkTypes.Select(_ => new double[problem.Grid.Count])];

    /// <summary>Steps from zero multipliers until <paramref name="stop"/>; returns the best bound seen.</summary>
    public double Run(Func<bool> stop)
    {
        var best = double.NegativeInfinity;
        var theta = 1.0;
        var sinceImproved = 0;
        var targetScaleAtZero = NothingDoneCost();
        while (!stop())
        {
            var (bound, gMu, gRho, gSigma) = Evaluate();
            if (bound > best)
            {
                (best, sinceImproved) = (bound, 0);
            }
            else if (++sinceImproved >= PatienceBeforeHalving)
            {
                (theta, sinceImproved) = (theta / 2, 0);
            }

            // Coverage rows count agents, work rows minutes: each family gets its own Polyak step, or the minutes'
            // residuals (thousands) would shrink the agents' step to nothing.
            var (coverageNorm, workNorm) = (SquaredNorm(gMu), SquaredNorm(gRho) + SquaredNorm(gSigma));
            if (coverageNorm + workNorm < 1e-12)
            {
                break;
            }

            var rise = theta * ((best + (TargetAbove * (Math.Abs(best) > 1e-9 ? Math.Abs(best) : targetScaleAtZero))) - bound);
            Step(coverageNorm < 1e-12 ? 0 : rise / coverageNorm, workNorm < 1e-12 ? 0 : rise / workNorm, gMu, gRho, gSigma);
        }

        return best;
    }

    private void Step(double coverageStep, double workStep, double[][] gMu, double[][] gRho, double[][] gSigma)
    {
        for (var t = 0; t < problem.Grid.Count; t++)
        {
            for (var q = 0; q < _mu.Length; q++)
            {
                var (low, high) = CoverageRange(q, t);
                _mu[q][t] = Math.Clamp(_mu[q][t] + (coverageStep * gMu[q][t]), low, high);
            }

            for (var w = 0; w < _rho.Length; w++)
            {
                _rho[w][t] = Math.Max(0, _rho[w][t] + (workStep * gRho[w][t]));
                _sigma[w][t] = Math.Clamp(_sigma[w][t] + (workStep * gSigma[w][t]), 0, OverdueCeiling(t));
            }
        }
    }

    /// <summary>The bound at the current multipliers and a subgradient (each row's residual at a minimiser).</summary>
    private (double Bound, double[][] Mu, double[][] Rho, double[][] Sigma) Evaluate()
    {
        var grid = problem.Grid;
        var p = problem.Problem;
        var gMu = p.Queues.Select(q => q.RequiredAgents.ToArray()).ToArray();
        var capacity = p.WorkTypes.Select(_ => new double[grid.Count]).ToArray();
        var bound = Enumerable.Range(0, _mu.Length).Sum(q => Enumerable.Range(0, grid.Count).Sum(t => _mu[q][t] * gMu[q][t]));
        foreach (var group in problem.Groups)
        {
            var bestActivity = new int[grid.Count];
            var prices = new double[grid.Count];
            for (var t = 0; t < grid.Count; t++)
            {
                prices[t] = double.NegativeInfinity;
                for (var i = 0; i < group.Activities.Count; i++)
                {
                    var a = group.Activities[i];
                    var value = a.IsQueue ? _mu[a.Index][t] * a.Proficiency : _rho[a.Index][t] * a.Proficiency * grid.Intervals[t].Minutes;
                    if (value > prices[t])
                    {
                        (prices[t], bestActivity[t]) = (value, i);
                    }
                }
            }

            // At these prices every split of on-duty time to a best-valued activity costs nothing, so the on-duty
            // agents of the priced patterns all go there: a minimiser, hence a subgradient.
            foreach (var cls in problem.Classes.Where(c => c.Group.Index == group.Index))
            {
                var priced = pricer.Price(cls, prices);
                bound += cls.Members.Count * priced.Bound;
                foreach (var t in priced.Pattern?.OnDuty ?? [])
                {
                    var activity = group.Activities[bestActivity[t]];
                    if (activity.IsQueue)
                    {
                        gMu[activity.Index][t] -= cls.Members.Count * activity.Proficiency;
                    }
                    else
                    {
                        capacity[activity.Index][t] += cls.Members.Count * activity.Proficiency * grid.Intervals[t].Minutes;
                    }
                }
            }
        }

        CloseCoverageResiduals(gMu);
        var (workBound, gRho, gSigma) = WorkResiduals(capacity);
        return (bound + workBound, gMu, gRho, gSigma);
    }

    /// <summary>Under- and over-coverage cost nothing at a multiplier inside their range; at its edge they close the residual.</summary>
    private void CloseCoverageResiduals(double[][] residual)
    {
        var grid = problem.Grid;
        for (var q = 0; q < residual.Length; q++)
        {
            for (var t = 0; t < grid.Count; t++)
            {
                var r = residual[q][t];
                var (low, high) = CoverageRange(q, t);
                var atUnderCost = _mu[q][t] >= high - 1e-9;
                var atOverCost = _mu[q][t] <= low + 1e-9;
                residual[q][t] = (atUnderCost && r > 0) || (atOverCost && r < 0) ? 0 : r;
            }
        }
    }

    /// <summary>
    /// The done curve at its cheapest (each done variable at a bound by the sign of its coefficient), its part of the
    /// bound, and the residuals of the capacity rows (done_t − done_{t−1} − capacity ≤ 0) and due rows.
    /// </summary>
    private (double Bound, double[][] Rho, double[][] Sigma) WorkResiduals(double[][] capacity)
    {
        var grid = problem.Grid;
        var bound = 0.0;
        var gRho = capacity.Select(_ => new double[grid.Count]).ToArray();
        var gSigma = capacity.Select(_ => new double[grid.Count]).ToArray();
        for (var w = 0; w < capacity.Length; w++)
        {
            var (rho, sigma, arrived, dueBy) = (_rho[w], _sigma[w], problem.ArrivedBy[w], problem.DueBy[w]);
            var previousDone = 0.0;
            for (var t = 0; t < grid.Count; t++)
            {
                var coefficient = rho[t] - (t + 1 < grid.Count ? rho[t + 1] : 0) - sigma[t];
                var done = coefficient < 0 ? arrived[t] : 0;
                bound += (coefficient * done) + (sigma[t] * dueBy[t]);
                gRho[w][t] = done - previousDone - capacity[w][t];
                var overdue = sigma[t] >= OverdueCeiling(t) - 1e-9 ? Math.Max(0, dueBy[t] - done) : 0;
                gSigma[w][t] = dueBy[t] > 0 ? dueBy[t] - done - overdue : 0;
                previousDone = done;
            }
        }

        return (bound, gRho, gSigma);
    }

    /// <summary>
    /// μ's range in interval t: below minus the over-staffing cost or above the missing-agent cost the bound falls
    /// without limit. The ascent clamps to it and an edge of it closes a coverage residual: one range for both.
    /// </summary>
    private (double Low, double High) CoverageRange(int q, int t) =>
        (-problem.Problem.Weights.OverstaffedAgentHour * problem.Grid.Hours(t), problem.Problem.Queues[q].MissingAgentHourCost * problem.Grid.Hours(t));

    /// <summary>σ's ceiling in interval t (the overdue cost), where overdue minutes close a due residual.</summary>
    private double OverdueCeiling(int t) => problem.Problem.Weights.OverdueWorkMinuteHour * problem.Grid.Hours(t);

    /// <summary>The scale of the Polyak target while the best bound is still 0: what leaving every requirement unmet costs.</summary>
    private double NothingDoneCost()
    {
        var grid = problem.Grid;
        var p = problem.Problem;
        var missing = p.Queues.Sum(q => Enumerable.Range(0, grid.Count).Sum(t => q.RequiredAgents[t] * q.MissingAgentHourCost * grid.Hours(t)));
        var overdue = problem.DueBy.Sum(due => Enumerable.Range(0, grid.Count).Sum(t => due[t] * p.Weights.OverdueWorkMinuteHour * grid.Hours(t)));
        return missing + overdue;
    }

    private static double SquaredNorm(double[][] g) => g.Sum(row => row.Sum(v => v * v));
}
