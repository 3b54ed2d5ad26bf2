using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Staffing.Deferrable;
using Google.OrTools.LinearSolver;

namespace BackOfficeCloud.Planning.Staffing.Planning;

/// <summary>
/// The deferrable-work part of an LP: per stream and interval, work minutes w (only while the work type is open),
/// backlog b and overdue o ≥ 0 with b_t = b_t−1 + released_t − w_t (nothing is worked before it arrives) and
/// b_t − o_t ≤ released by t − due by t (work due by t is done by t, or counted overdue and penalised).
/// The caller limits Σ w per interval by the capacity its plan gives.
/// </summary>
internal sealed class DeferrableFlow
{
    /// <summary>A whisper of cost on backlog so that, among equal plans, work is done as early as capacity allows.</summary>
    private const double EarlinessCost = 1e-7;

    private readonly Variable?[][] _work;
    private readonly Variable[][] _backlog;
    private readonly Variable[][] _overdue;

    public DeferrableFlow(Solver solver, IReadOnlyList<WorkStream> streams, IReadOnlyList<PlanningInterval> intervals, double overduePenaltyHours)
    {
        _work = new Variable?[streams.Count][];
        _backlog = new Variable[streams.Count][];
        _overdue = new Variable[streams.Count][];
        var objective = solver.Objective();
        for (var s = 0; s < streams.Count; s++)
        {
            var stream = streams[s];
            _work[s] = new Variable?[intervals.Count];
            _backlog[s] = new Variable[intervals.Count];
            _overdue[s] = new Variable[intervals.Count];
            double released = 0, due = 0;
            for (var t = 0; t < intervals.Count; t++)
            {
                released += stream.ReleasedMinutes[t];
                due += stream.DueMinutes[t];
                var work = stream.Open[t] ? solver.MakeNumVar(0, double.PositiveInfinity, string.Empty) : null;
                var backlog = solver.MakeNumVar(0, double.PositiveInfinity, string.Empty);
                var overdue = solver.MakeNumVar(0, double.PositiveInfinity, string.Empty);

                var balance = solver.MakeConstraint(stream.ReleasedMinutes[t], stream.ReleasedMinutes[t]);
                balance.SetCoefficient(backlog, 1);
                if (t > 0)
                {
                    balance.SetCoefficient(_backlog[s][t - 1], -1);
                }

                if (work is not null)
                {
                    balance.SetCoefficient(work, 1);
                }

                var deadline = solver.MakeConstraint(double.NegativeInfinity, released - due);
                deadline.SetCoefficient(backlog, 1);
                deadline.SetCoefficient(overdue, -1);

                objective.SetCoefficient(overdue, overduePenaltyHours * intervals[t].Minutes / 3600.0);
                objective.SetCoefficient(backlog, EarlinessCost);
                (_work[s][t], _backlog[s][t], _overdue[s][t]) = (work, backlog, overdue);
            }
        }
    }

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

    public double[] BacklogMinutes(int stream) => [.. _backlog[stream].Select(b => b.SolutionValue())];

    public double[] OverdueMinutes(int stream) => [.. _overdue[stream].Select(o => o.SolutionValue())];

    /// <summary>The objective's overdue penalty at the solution, in paid-hour equivalents.</summary>
    public double Penalty(Objective objective) =>
        _overdue.SelectMany(row => row).Sum(o => objective.GetCoefficient(o) * o.SolutionValue());
}
