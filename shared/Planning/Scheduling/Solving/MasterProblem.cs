using BackOfficeCloud.Planning.Scheduling.Compilation;
using Google.OrTools.LinearSolver;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// The LP over work patterns (GLOP). Each class's members are spread over its patterns (convexity rows); the
/// on-duty agents of each skill group are split between the group's activities per interval (duty rows); queues
/// count under- and over-coverage; each work type keeps a cumulative done curve under its arrivals, capped by the
/// back-office capacity, and pays for the minutes it lags behind the due curve. Built without patterns, the same LP
/// prices a schedule from its on-duty agents per group and interval, and its duals say what one more is worth.
/// </summary>
internal sealed class MasterProblem : IDisposable
{
    private readonly CompiledProblem _p;
    private readonly Solver _solver;
    private readonly Constraint[] _convexity;
    private readonly Constraint?[][] _duty;
    private readonly Variable?[][][] _split;
    private readonly List<(Pattern Pattern, Variable Variable)> _columns = [];
    private double? _value;

    private readonly MPSolverParameters _parameters;

    /// <param name="linearSolver">The OR-Tools LP backend ("CLP" or "GLOP").</param>
    /// <param name="withPatterns">False for the allocation LP of a fixed schedule (see <see cref="SetOnDuty"/>).</param>
    public MasterProblem(CompiledProblem problem, string linearSolver, bool withPatterns = true)
    {
        _p = problem;
        // Both LPs are re-solved after small changes (columns added, bounds moved): with presolve off the solver
        // starts from the last basis, several times faster than presolving the changed model from scratch.
        _parameters = WarmStartParameters();
        _solver = Solver.CreateSolver(linearSolver) ?? throw new ArgumentException($"linear_solver = {linearSolver}: not an OR-Tools LP solver.", nameof(linearSolver));
        var grid = problem.Grid;
        var objective = _solver.Objective();
        objective.SetMinimization();
        _convexity = withPatterns ? [.. problem.Classes.Select(c => _solver.MakeConstraint(c.Members.Count, c.Members.Count, ""))] : [];
        var reachable = Reachable();
        _duty = new Constraint?[problem.Groups.Count][];
        _split = new Variable?[problem.Groups.Count][][];
        foreach (var g in problem.Groups)
        {
            _duty[g.Index] = new Constraint?[grid.Count];
            _split[g.Index] = [.. g.Activities.Select(_ => new Variable?[grid.Count])];
            for (var t = 0; t < grid.Count; t++)
            {
                if (!reachable[g.Index][t])
                {
                    continue;
                }

                var row = _duty[g.Index][t] = _solver.MakeConstraint(0, 0, "");
                for (var a = 0; a < g.Activities.Count; a++)
                {
                    var y = _split[g.Index][a][t] = _solver.MakeNumVar(0, double.PositiveInfinity, "");
                    row.SetCoefficient(y, -1);
                }
            }
        }

        AddQueueRows(objective);
        AddWorkRows(objective);
    }

    public int ColumnCount => _columns.Count;

    public IReadOnlyList<(Pattern Pattern, Variable Variable)> Columns => _columns;

    public int AddColumn(Pattern pattern)
    {
        var cls = _p.Classes[pattern.ClassIndex];
        var x = _solver.MakeNumVar(0, double.PositiveInfinity, "");
        _solver.Objective().SetCoefficient(x, pattern.Cost);
        _convexity[cls.Index].SetCoefficient(x, 1);
        foreach (var t in pattern.OnDuty)
        {
            _duty[cls.Group.Index][t]!.SetCoefficient(x, 1);
        }

        _columns.Add((pattern, x));
        _value = null;
        return _columns.Count - 1;
    }

    /// <summary>Solves the LP (unless nothing changed since the last solve); returns its optimal value.</summary>
    public double Solve() => TrySolve(TimeSpan.MaxValue, out var value)
        ? value
        : throw new InvalidOperationException("The pattern LP did not reach its optimum; it always has one, so this is a solver failure.");

    /// <summary>Solves the LP within <paramref name="limit"/>; false if it did not reach the optimum in time or was cancelled.</summary>
    public bool TrySolve(TimeSpan limit, out double value, CancellationToken cancellationToken = default)
    {
        if (_value is { } unchanged)
        {
            value = unchanged;
            return true;
        }

        _solver.SetTimeLimit(limit >= TimeSpan.FromDays(1) ? long.MaxValue / 2 : Math.Max(1, (long)limit.TotalMilliseconds));
        using var interrupt = cancellationToken.Register(() => _solver.InterruptSolve());
        var solved = _solver.Solve(_parameters) == Solver.ResultStatus.OPTIMAL && !cancellationToken.IsCancellationRequested;
        value = solved ? _solver.Objective().Value() : double.NaN;
        _value = solved ? value : null;
        return solved;
    }

    /// <summary>For the allocation LP: the agents on duty per group and interval.</summary>
    public void SetOnDuty(double[][] onDuty)
    {
        _value = null;
        for (var g = 0; g < _duty.Length; g++)
        {
            for (var t = 0; t < _duty[g].Length; t++)
            {
                _duty[g][t]?.SetBounds(-onDuty[g][t], -onDuty[g][t]);
            }
        }
    }

    public double ColumnValue(int column) => _columns[column].Variable.SolutionValue();

    public double ConvexityPrice(int cls) => _convexity[cls].DualValue();

    /// <summary>What one more on-duty agent of the group is worth per interval (0 where none can be on duty).</summary>
    public double[] DutyPrices(int group) => [.. _duty[group].Select(row => row?.DualValue() ?? 0)];

    /// <summary>Agents of the group on each of its activities in an interval, in the last solution.</summary>
    public double Split(int group, int activity, int t) => _split[group][activity][t]?.SolutionValue() ?? 0;

    public void Dispose()
    {
        _parameters.Dispose();
        _solver.Dispose();
    }

    private static MPSolverParameters WarmStartParameters()
    {
        var parameters = new MPSolverParameters();
        parameters.SetIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE, (int)MPSolverParameters.PresolveValues.PRESOLVE_OFF);
        parameters.SetIntegerParam(MPSolverParameters.IntegerParam.INCREMENTALITY, (int)MPSolverParameters.IncrementalityValues.INCREMENTALITY_ON);
        return parameters;
    }

    private bool[][] Reachable()
    {
        var reachable = _p.Groups.Select(_ => new bool[_p.Grid.Count]).ToArray();
        foreach (var cls in _p.Classes)
        {
            foreach (var option in cls.OptionsByDay.SelectMany(o => o))
            {
                Array.Fill(reachable[cls.Group.Index], true, option.Start, option.Length);
            }
        }

        return reachable;
    }

    private void AddQueueRows(Objective objective)
    {
        var grid = _p.Grid;
        var weights = _p.Problem.Weights;
        for (var q = 0; q < _p.Problem.Queues.Count; q++)
        {
            var queue = _p.Problem.Queues[q];
            for (var t = 0; t < grid.Count; t++)
            {
                var row = _solver.MakeConstraint(queue.RequiredAgents[t], queue.RequiredAgents[t], "");
                var under = _solver.MakeNumVar(0, double.PositiveInfinity, "");
                var over = _solver.MakeNumVar(0, double.PositiveInfinity, "");
                objective.SetCoefficient(under, queue.MissingAgentHourCost * grid.Hours(t));
                objective.SetCoefficient(over, weights.OverstaffedAgentHour * grid.Hours(t));
                row.SetCoefficient(under, 1);
                row.SetCoefficient(over, -1);
                foreach (var (g, a, proficiency) in SplitsOf(isQueue: true, q, t))
                {
                    row.SetCoefficient(_split[g][a][t]!, proficiency);
                }
            }
        }
    }

    private void AddWorkRows(Objective objective)
    {
        var grid = _p.Grid;
        var weights = _p.Problem.Weights;
        for (var w = 0; w < _p.Problem.WorkTypes.Count; w++)
        {
            Variable? previous = null;
            for (var t = 0; t < grid.Count; t++)
            {
                var done = _solver.MakeNumVar(0, _p.ArrivedBy[w][t], "");
                var capacity = _solver.MakeConstraint(double.NegativeInfinity, 0, "");
                capacity.SetCoefficient(done, 1);
                if (previous is not null)
                {
                    capacity.SetCoefficient(previous, -1);
                }

                foreach (var (g, a, proficiency) in SplitsOf(isQueue: false, w, t))
                {
                    capacity.SetCoefficient(_split[g][a][t]!, -proficiency * grid.Intervals[t].Minutes);
                }

                if (_p.DueBy[w][t] > 0)
                {
                    var overdue = _solver.MakeNumVar(0, double.PositiveInfinity, "");
                    objective.SetCoefficient(overdue, weights.OverdueWorkMinuteHour * grid.Hours(t));
                    var due = _solver.MakeConstraint(_p.DueBy[w][t], double.PositiveInfinity, "");
                    due.SetCoefficient(done, 1);
                    due.SetCoefficient(overdue, 1);
                }

                previous = done;
            }
        }
    }

    private IEnumerable<(int Group, int Activity, double Proficiency)> SplitsOf(bool isQueue, int index, int t)
    {
        foreach (var g in _p.Groups)
        {
            for (var a = 0; a < g.Activities.Count; a++)
            {
                var activity = g.Activities[a];
                if (activity.IsQueue == isQueue && activity.Index == index && _split[g.Index][a][t] is not null)
                {
                    yield return (g.Index, a, activity.Proficiency);
                }
            }
        }
    }
}
