using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Staffing.Deferrable;
using Google.OrTools.LinearSolver;

namespace BackOfficeCloud.Planning.Staffing.Planning;

/// <summary>
/// The deferrable-work part of an LP, on the intervals where each stream's work type is open (nothing can change in
/// between: releases wait for the next open interval, a deadline falls on the last open one before it). Per stream
/// and open interval: work minutes w and backlog b ≥ 0 with b = b_prev + released − w (nothing is worked before it
/// arrives) and, from the first deadline on, b − o ≤ released so far − due so far with overdue o ≥ 0 penalised per hour.
/// The caller limits Σ w per interval by the capacity its plan gives.
/// </summary>
internal sealed class DeferrableFlow
{
    /// <summary>A whisper of cost on backlog so that, among equal plans, work is done as early as capacity allows.</summary>
    private const double EarlinessCost = 1e-7;

    private readonly Variable?[][] _work;
    private readonly List<Variable> _overdue = [];

    public DeferrableFlow(Solver solver, IReadOnlyList<WorkStream> streams, IReadOnlyList<PlanningInterval> intervals, double overduePenaltyHours)
    {
        _work = new Variable?[streams.Count][];
        for (var s = 0; s < streams.Count; s++)
        {
            _work[s] = new Variable?[intervals.Count];
            AddStream(solver, streams[s], intervals, overduePenaltyHours, _work[s]);
        }
    }

    /// <summary>Whether any stream may be worked in interval <paramref name="t"/>.</summary>
    public bool HasWorkAt(int t) => _work.Any(w => w[t] is not null);

    /// <summary>Adds every stream's work variable of interval <paramref name="t"/> to <paramref name="capacity"/> with coefficient 1.</summary>
    public void AddWorkTo(Constraint capacity, int t)
    {
        foreach (var work in _work)
        {
            if (work[t] is { } w)
            {
                capacity.SetCoefficient(w, 1);
            }
        }
    }

    public double[] PlannedMinutes(int stream) => [.. _work[stream].Select(w => w?.SolutionValue() ?? 0)];

    /// <summary>The objective's overdue penalty at the solution, in paid-hour equivalents.</summary>
    public double Penalty(Objective objective) => _overdue.Sum(o => objective.GetCoefficient(o) * o.SolutionValue());

    private void AddStream(Solver solver, WorkStream stream, IReadOnlyList<PlanningInterval> intervals, double overduePenaltyHours, Variable?[] work)
    {
        var open = Enumerable.Range(0, intervals.Count).Where(t => stream.Open[t]).ToArray();
        if (open.Length == 0 || stream.Lots.Count == 0)
        {
            return;
        }

        var objective = solver.Objective();
        double released = 0, due = 0, pendingRelease = 0;
        Variable? previous = null;
        for (var k = 0; k < open.Length; k++)
        {
            var t = open[k];
            var nextOpen = k + 1 < open.Length ? open[k + 1] : intervals.Count;
            for (var u = k == 0 ? 0 : open[k - 1] + 1; u <= t; u++)
            {
                pendingRelease += stream.ReleasedMinutes[u];
            }

            // Deadlines up to the next open interval can only be met by work up to this one.
            var dueHere = 0.0;
            for (var u = k == 0 ? 0 : t; u < nextOpen; u++)
            {
                dueHere += stream.DueMinutes[u];
            }

            released += pendingRelease;
            due += dueHere;
            var w = solver.MakeNumVar(0, double.PositiveInfinity, string.Empty);
            var backlog = solver.MakeNumVar(0, double.PositiveInfinity, string.Empty);
            var balance = solver.MakeConstraint(pendingRelease, pendingRelease);
            balance.SetCoefficient(backlog, 1);
            balance.SetCoefficient(w, 1);
            if (previous is not null)
            {
                balance.SetCoefficient(previous, -1);
            }

            // Once anything is due, every later interval checks it: overdue work keeps costing until it is done.
            if (due > 0)
            {
                var overdue = solver.MakeNumVar(0, double.PositiveInfinity, string.Empty);
                var deadline = solver.MakeConstraint(double.NegativeInfinity, released - due);
                deadline.SetCoefficient(backlog, 1);
                deadline.SetCoefficient(overdue, -1);
                objective.SetCoefficient(overdue, overduePenaltyHours * (nextOpen - t) * intervals[t].Minutes / 3600.0);
                _overdue.Add(overdue);
            }

            objective.SetCoefficient(backlog, EarlinessCost);
            work[t] = w;
            previous = backlog;
            pendingRelease = 0;
        }
    }
}
