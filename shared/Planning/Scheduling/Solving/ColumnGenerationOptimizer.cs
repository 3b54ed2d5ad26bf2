using BackOfficeCloud.Planning.Scheduling.Compilation;
using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// Column generation over work patterns gives the lower bound; the LP's patterns rounded per employee class give a
/// first schedule, which a local search improves by moving single employees to the pattern that the fixed LP's
/// duals price cheapest (a move is kept only if the LP value of the whole schedule drops); activities are then cut
/// into blocks and the schedule is priced exactly.
/// </summary>
public sealed class ColumnGenerationOptimizer(ScheduleOptimizerOptions options) : IScheduleOptimizer
{
    private const double Epsilon = 1e-6;

    public ScheduleResult Solve(ScheduleProblem problem, IProgress<ScheduleProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = options.TimeProvider;
        var started = clock.GetTimestamp();
        TimeSpan Elapsed() => clock.GetElapsedTime(started);
        var compiled = CompiledProblem.Compile(problem);
        using var master = new MasterProblem(compiled);
        var search = new Search(compiled, master, new PatternPricer(compiled));
        var iterations = search.GenerateColumns(
            () => Elapsed() > options.TimeLimit * options.BoundShare || cancellationToken.IsCancellationRequested,
            options.GapTolerance,
            (z, bound) => progress?.Report(new ScheduleProgress("bound", double.PositiveInfinity, bound, double.NaN, Elapsed())));
        var lpValue = search.RoundAndSolve();
        progress?.Report(new ScheduleProgress("schedule", lpValue, search.LowerBound, Gap(lpValue, search.LowerBound), Elapsed()));
        var finishShare = TimeSpan.FromTicks(Math.Max(options.TimeLimit.Ticks / 20, TimeSpan.FromSeconds(1).Ticks));
        iterations += search.Improve(
            () => Elapsed() > options.TimeLimit - finishShare || cancellationToken.IsCancellationRequested,
            options.GapTolerance,
            z => progress?.Report(new ScheduleProgress("improve", z, search.LowerBound, Gap(z, search.LowerBound), Elapsed())));

        var patterns = search.PatternByEmployee();
        var schedule = new ActivityAssigner(compiled).Assign(patterns, master.Split);
        var evaluation = new ScheduleEvaluator(compiled).Evaluate(schedule);
        var objective = evaluation.Parts.Total;
        var bound = Math.Min(search.LowerBound, objective);
        var gap = Gap(objective, bound);
        progress?.Report(new ScheduleProgress("done", objective, bound, gap, Elapsed()));
        var status = cancellationToken.IsCancellationRequested ? SolveStatus.Cancelled
            : gap <= options.GapTolerance ? SolveStatus.Optimal : SolveStatus.Feasible;
        return new ScheduleResult(status, schedule, evaluation.Parts, bound, gap, iterations, Elapsed(), evaluation.Coverage, evaluation.Deadlines);
    }

    private static double Gap(double objective, double bound) =>
        objective <= Epsilon ? 0 : Math.Max(0, (objective - bound) / Math.Abs(objective));

    /// <summary>The state of one solve: the master LP, its columns per class, the bound and the integer counts.</summary>
    private sealed class Search(CompiledProblem problem, MasterProblem master, PatternPricer pricer)
    {
        private readonly List<HashSet<string>> _signatures = [.. problem.Classes.Select(_ => new HashSet<string>())];
        private readonly List<List<int>> _columnsOfClass = [.. problem.Classes.Select(_ => new List<int>())];
        private int[] _counts = [];

        public double LowerBound { get; private set; } = double.NegativeInfinity;

        public int GenerateColumns(Func<bool> stop, double tolerance, Action<double, double> report)
        {
            var zero = problem.Groups.Select(_ => new double[problem.Grid.Count]).ToArray();
            foreach (var cls in problem.Classes)
            {
                var priced = pricer.Price(cls, zero[cls.Group.Index]);
                if (priced.Pattern is null || !TryAdd(priced.Pattern))
                {
                    throw new ArgumentException($"employees[{problem.Problem.Employees[cls.Members[0]].Id}]: no shift pattern respects the minimum rest.", "employees");
                }
            }

            var rounds = 0;
            while (true)
            {
                rounds++;
                var z = master.Solve();
                var prices = problem.Groups.Select(g => master.DutyPrices(g.Index)).ToArray();
                var convexityPrices = problem.Classes.Select(c => master.ConvexityPrice(c.Index)).ToArray();
                var bound = z;
                var improving = new List<Pattern>();
                foreach (var cls in problem.Classes)
                {
                    var priced = pricer.Price(cls, prices[cls.Group.Index]);
                    var mu = convexityPrices[cls.Index];
                    bound += cls.Members.Count * Math.Min(0, priced.Bound - mu);
                    if (priced.Pattern is not null && priced.PatternPricedCost - mu < -Epsilon)
                    {
                        improving.Add(priced.Pattern);
                    }
                }

                var added = improving.Count(TryAdd);

                LowerBound = Math.Max(LowerBound, bound);
                report(z, LowerBound);
                if (added == 0 || z - LowerBound <= tolerance * Math.Abs(z) / 4 || stop())
                {
                    return rounds;
                }
            }
        }

        /// <summary>Spreads each class's members over its LP patterns by largest remainder and prices the result.</summary>
        public double RoundAndSolve()
        {
            master.Solve();
            _counts = new int[master.ColumnCount];
            foreach (var cls in problem.Classes)
            {
                var columns = _columnsOfClass[cls.Index];
                var values = columns.Select(master.ColumnValue).ToList();
                var floors = values.Select(v => (int)Math.Floor(v + Epsilon)).ToList();
                var missing = cls.Members.Count - floors.Sum();
                foreach (var i in Enumerable.Range(0, columns.Count).OrderByDescending(i => values[i] - floors[i]).Take(Math.Max(0, missing)))
                {
                    floors[i]++;
                }

                for (var i = 0; i < columns.Count; i++)
                {
                    _counts[columns[i]] = floors[i];
                }
            }

            master.FixCounts(_counts);
            return master.Solve();
        }

        /// <summary>Moves employees one at a time to cheaper patterns at the fixed LP's duals; returns the rounds run.</summary>
        public int Improve(Func<bool> stop, double tolerance, Action<double> report)
        {
            var current = master.Solve();
            var step = Math.Max(1, problem.Problem.Employees.Count / 50);
            var tabu = new HashSet<string>();
            var rounds = 0;
            while (!stop() && current - LowerBound > tolerance * Math.Abs(current))
            {
                rounds++;
                var prices = problem.Groups.Select(g => master.DutyPrices(g.Index)).ToArray();
                var moves = Moves(prices, tabu).Take(step).ToList();
                if (moves.Count == 0)
                {
                    break;
                }

                var before = (int[])_counts.Clone();
                foreach (var (from, to) in moves)
                {
                    _counts[from]--;
                    var column = ColumnOf(to);
                    if (column >= _counts.Length)
                    {
                        Array.Resize(ref _counts, master.ColumnCount);
                    }

                    _counts[column]++;
                }

                master.FixCounts(_counts);
                var value = master.Solve();
                if (value < current - Epsilon)
                {
                    current = value;
                    step = Math.Min(step * 2, Math.Max(1, problem.Problem.Employees.Count / 10));
                    report(current);
                    continue;
                }

                Array.Copy(before, _counts, before.Length);
                Array.Clear(_counts, before.Length, _counts.Length - before.Length);
                if (step == 1)
                {
                    tabu.Add(moves[0].To.Signature);
                }

                step = Math.Max(1, step / 2);
                master.FixCounts(_counts);
                current = master.Solve();
            }

            return rounds;
        }

        /// <summary>The pattern of every employee: each class's members take its counted patterns in turn.</summary>
        public IReadOnlyList<Pattern> PatternByEmployee()
        {
            var result = new Pattern[problem.Problem.Employees.Count];
            foreach (var cls in problem.Classes)
            {
                var member = 0;
                foreach (var column in _columnsOfClass[cls.Index])
                {
                    for (var n = 0; n < (column < _counts.Length ? _counts[column] : 0); n++)
                    {
                        result[cls.Members[member++]] = master.Columns[column].Pattern;
                    }
                }
            }

            return result;
        }

        private IEnumerable<(int From, Pattern To)> Moves(double[][] prices, HashSet<string> tabu)
        {
            var moves = new List<(double Gain, int From, Pattern To)>();
            foreach (var cls in problem.Classes)
            {
                var dutyPrices = prices[cls.Group.Index];
                var priced = pricer.Price(cls, dutyPrices);
                if (priced.Pattern is null || tabu.Contains(priced.Pattern.Signature))
                {
                    continue;
                }

                foreach (var column in _columnsOfClass[cls.Index].Where(c => c < _counts.Length && _counts[c] > 0))
                {
                    var gain = master.Columns[column].Pattern.PricedCost(dutyPrices) - priced.PatternPricedCost;
                    if (gain > Epsilon)
                    {
                        moves.Add((gain, column, priced.Pattern));
                    }
                }
            }

            return moves.OrderByDescending(m => m.Gain).Select(m => (m.From, m.To));
        }

        private int ColumnOf(Pattern pattern)
        {
            var columns = _columnsOfClass[pattern.ClassIndex];
            foreach (var c in columns.Where(c => master.Columns[c].Pattern.Signature == pattern.Signature))
            {
                return c;
            }

            TryAdd(pattern);
            return columns[^1];
        }

        private bool TryAdd(Pattern pattern)
        {
            if (!_signatures[pattern.ClassIndex].Add(pattern.Signature))
            {
                return false;
            }

            _columnsOfClass[pattern.ClassIndex].Add(master.AddColumn(pattern));
            return true;
        }
    }
}
