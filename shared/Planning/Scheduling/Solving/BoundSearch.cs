using BackOfficeCloud.Planning.Scheduling.Compilation;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// Column generation on the pattern LP. Each round prices every class at the LP duals and along the segment from the
/// duals of the best bound so far to them (stabilisation), adds the patterns with a negative reduced cost, and keeps
/// the best Lagrangian bound: LP value + Σ classes (members × cheapest priced pattern − convexity price).
/// </summary>
internal sealed class BoundSearch(CompiledProblem problem, PatternPricer pricer, string linearSolver, CancellationToken cancellationToken) : IDisposable
{
    private const double Epsilon = 1e-6;
    private const double Golden = 0.6180339887498949;
    private const int SegmentSteps = 4;

    private readonly MasterProblem _master = new(problem, linearSolver);
    private readonly List<HashSet<string>> _signatures = [.. problem.Classes.Select(_ => new HashSet<string>())];
    private readonly List<List<int>> _columnsOfClass = [.. problem.Classes.Select(_ => new List<int>())];
    private double[] _lastSolution = [];

    /// <summary>The best Lagrangian bound so far (from the start of <see cref="Run"/>: the one at zero prices).</summary>
    public double LowerBound { get; private set; }

    /// <summary>
    /// Runs rounds until the LP and the bound meet, no pattern improves, the time left runs out (an LP solve cut
    /// short by it is dropped), or <paramref name="stop"/>; returns the rounds.
    /// </summary>
    public int Run(Func<TimeSpan> timeLeft, Func<bool> stop, double tolerance, Action<double> report)
    {
        // At zero prices every requirement is met for free, so the Lagrangian bound is what each class's cheapest
        // pattern costs (mostly the contracts' minimum pay); it is the first stability centre of the smoothing.
        var center = Duals.Zero(problem);
        foreach (var cls in problem.Classes)
        {
            var priced = pricer.Price(cls, center.Duty[cls.Group.Index]);
            if (priced.Pattern is null)
            {
                throw new ArgumentException($"employees[{problem.Problem.Employees[cls.Members[0]].Id}]: no shift pattern respects the minimum rest.", "employees");
            }

            LowerBound += cls.Members.Count * priced.Bound;
            TryAdd(priced.Pattern);
        }

        report(LowerBound);

        // Until the LP's duals are close to optimal the ascent finds the better bound; it runs beside the LP solves.
        var columnGenerationDone = false;
        var ascent = Task.Run(() => new LagrangianAscent(problem, pricer).Run(() => Volatile.Read(ref columnGenerationDone) || stop()));
        int rounds;
        try
        {
            rounds = GenerateColumns(center, timeLeft, stop, tolerance, report);
        }
        finally
        {
            // Also when an LP solve throws: the ascent would otherwise keep a core busy until the time limit.
            Volatile.Write(ref columnGenerationDone, true);
        }

        LowerBound = Math.Max(LowerBound, ascent.GetAwaiter().GetResult());
        report(LowerBound);
        return rounds;
    }

    private int GenerateColumns(Duals center, Func<TimeSpan> timeLeft, Func<bool> stop, double tolerance, Action<double> report)
    {
        var rounds = 0;
        while (true)
        {
            rounds++;
            if (!_master.TrySolve(rounds == 1 ? TimeSpan.MaxValue : timeLeft(), out var value, cancellationToken))
            {
                return rounds;
            }

            _lastSolution = [.. Enumerable.Range(0, _master.ColumnCount).Select(_master.ColumnValue)];
            var current = Duals.Of(problem, _master, value);
            var improving = new List<Pattern>();
            var (best, bound) = BestOnSegment(center, LowerBound, current, improving, stop);
            if (bound > LowerBound)
            {
                (center, LowerBound) = (best, bound);
            }

            report(LowerBound);
            if (value - LowerBound <= tolerance * Math.Abs(value) / 4 || stop() || improving.Count(TryAdd) == 0)
            {
                return rounds;
            }
        }
    }

    /// <summary>Members spread over each class's patterns by largest remainder of the last LP solution.</summary>
    public IReadOnlyList<(Pattern Pattern, int Count)> RoundedCounts()
    {
        var result = new List<(Pattern, int)>();
        foreach (var cls in problem.Classes)
        {
            var columns = _columnsOfClass[cls.Index];
            var values = columns.Select(c => c < _lastSolution.Length ? _lastSolution[c] : 0).ToList();
            var counts = values.Select(v => (int)Math.Floor(v + Epsilon)).ToList();
            var missing = cls.Members.Count - counts.Sum();
            foreach (var i in Enumerable.Range(0, columns.Count).OrderByDescending(i => values[i] - counts[i]).Take(Math.Max(0, missing)))
            {
                counts[i]++;
            }

            // Without any LP solution (cancelled during the first solve) everyone takes the class's first pattern.
            counts[values.IndexOf(values.Max())] += cls.Members.Count - counts.Sum();

            result.AddRange(columns.Select((c, i) => (_master.Columns[c].Pattern, counts[i])).Where(p => p.Item2 > 0));
        }

        return result;
    }

    /// <summary>Every pattern generated, per class: the candidates of the local search.</summary>
    public IReadOnlyList<IReadOnlyList<Pattern>> Patterns() =>
        [.. _columnsOfClass.Select(columns => (IReadOnlyList<Pattern>)[.. columns.Select(c => _master.Columns[c].Pattern)])];

    public void Dispose() => _master.Dispose();

    /// <summary>
    /// The best Lagrangian bound between the stability centre (whose bound is known) and the LP duals. Along that
    /// segment the bound is concave (a linear constant plus a sum of minima of linear pattern costs), so a
    /// golden-section search finds its peak unless <paramref name="stop"/> cuts it short. The patterns priced at the LP
    /// duals and at the best point found that have a negative reduced cost at the LP duals go to
    /// <paramref name="improving"/>; the points in between only steer the search, so the LP grows no faster.
    /// </summary>
    private (Duals Duals, double Bound) BestOnSegment(Duals center, double centerBound, Duals current, List<Pattern> improving, Func<bool> stop)
    {
        var best = (Duals: center, Bound: centerBound, Patterns: new List<Pattern>());
        double At(double centerWeight)
        {
            var duals = center.Blend(current, centerWeight);
            var patterns = new List<Pattern>();
            var bound = Price(duals, current, patterns);
            best = bound > best.Bound ? (duals, bound, patterns) : best;
            return bound;
        }

        var atLp = new List<Pattern>();
        var lpBound = Price(current, current, atLp);
        improving.AddRange(atLp);
        best = lpBound > best.Bound ? (current, lpBound, []) : best;
        double low = 0, high = 1;
        var (x1, x2) = (high - (Golden * (high - low)), low + (Golden * (high - low)));
        var (f1, f2) = stop() ? (0.0, 0.0) : (At(x1), At(x2));
        for (var step = 0; step < SegmentSteps && !stop(); step++)
        {
            if (f1 < f2)
            {
                (low, x1, f1) = (x1, x2, f2);
                x2 = low + (Golden * (high - low));
                f2 = At(x2);
            }
            else
            {
                (high, x2, f2) = (x2, x1, f1);
                x1 = high - (Golden * (high - low));
                f1 = At(x1);
            }
        }

        improving.AddRange(best.Patterns);
        return (best.Duals, best.Bound);
    }

    /// <summary>
    /// The Lagrangian bound at <paramref name="duals"/>; collects the patterns it finds that have a negative reduced
    /// cost at the LP's <paramref name="current"/> duals.
    /// </summary>
    private double Price(Duals duals, Duals current, List<Pattern> improving)
    {
        var bound = duals.Constant;
        foreach (var cls in problem.Classes)
        {
            var priced = pricer.Price(cls, duals.Duty[cls.Group.Index]);
            bound += cls.Members.Count * priced.Bound;
            if (priced.Pattern is { } pattern
                && pattern.PricedCost(current.Duty[cls.Group.Index]) - current.Convexity[cls.Index] < -Epsilon)
            {
                improving.Add(pattern);
            }
        }

        return bound;
    }

    private bool TryAdd(Pattern pattern)
    {
        if (!_signatures[pattern.ClassIndex].Add(pattern.Signature))
        {
            return false;
        }

        _columnsOfClass[pattern.ClassIndex].Add(_master.AddColumn(pattern));
        return true;
    }

    /// <summary>
    /// LP duals: prices of on-duty time per group and interval, per-class convexity prices, and the part of the dual
    /// objective that does not depend on the patterns (LP value less the convexity terms). A blend of two dual
    /// solutions of the master is still feasible for every non-pattern variable, so it still yields a bound.
    /// </summary>
    private sealed record Duals(double[][] Duty, double[] Convexity, double Constant)
    {
        public static Duals Of(CompiledProblem problem, MasterProblem master, double value)
        {
            var convexity = problem.Classes.Select(c => master.ConvexityPrice(c.Index)).ToArray();
            var constant = value - problem.Classes.Sum(c => c.Members.Count * convexity[c.Index]);
            return new Duals([.. problem.Groups.Select(g => master.DutyPrices(g.Index))], convexity, constant);
        }

        public static Duals Zero(CompiledProblem problem) =>
            new([.. problem.Groups.Select(_ => new double[problem.Grid.Count])], new double[problem.Classes.Count], 0);

        public Duals Blend(Duals other, double weight) => new(
            [.. Duty.Select((d, g) => d.Select((v, t) => (weight * v) + ((1 - weight) * other.Duty[g][t])).ToArray())],
            [.. Convexity.Select((v, c) => (weight * v) + ((1 - weight) * other.Convexity[c]))],
            (weight * Constant) + ((1 - weight) * other.Constant));
    }
}
