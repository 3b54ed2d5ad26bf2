using BackOfficeCloud.Planning.Scheduling.Compilation;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// Improves an integer schedule (a count of members per pattern) on the allocation LP: prices every class's known
/// patterns and a freshly priced one at the LP's duals, proposes moving one member from a pattern to a cheaper one,
/// applies the best batch of moves and keeps it only if the LP value drops; the batch doubles after a success and
/// halves after a failure, and a single move that fails is not tried again.
/// </summary>
internal sealed class LocalSearch
{
    private const double Epsilon = 1e-6;

    private readonly CompiledProblem _problem;
    private readonly PatternPricer _pricer;
    private readonly MasterProblem _allocation;
    private readonly double _lowerBound;
    private readonly Dictionary<string, (Pattern Pattern, int Count)>[] _counts;
    private readonly Dictionary<string, Pattern>[] _candidates;

    public LocalSearch(
        CompiledProblem problem,
        PatternPricer pricer,
        MasterProblem allocation,
        double lowerBound,
        IReadOnlyList<(Pattern Pattern, int Count)> start,
        IReadOnlyList<IReadOnlyList<Pattern>> candidates)
    {
        _candidates = [.. candidates.Select(c => c.ToDictionary(p => p.Signature))];
        _problem = problem;
        _pricer = pricer;
        _allocation = allocation;
        _lowerBound = lowerBound;
        _counts = [.. problem.Classes.Select(_ => new Dictionary<string, (Pattern, int)>())];
        foreach (var (pattern, count) in start)
        {
            Change(pattern, count);
        }
    }

    /// <summary>
    /// Improves until the gap tolerance, no improving move, the time left runs out or <paramref name="stop"/>;
    /// leaves the allocation LP solved for the schedule it ends with; returns the rounds.
    /// </summary>
    public int Run(Func<TimeSpan> timeLeft, Func<bool> stop, double tolerance, Action<double> report)
    {
        var current = Solve(TimeSpan.MaxValue)!.Value;
        report(current);
        var step = Math.Max(1, _problem.Problem.Employees.Count / 50);
        var tabu = new HashSet<(string, string)>();
        var rounds = 0;
        while (!stop() && current - _lowerBound > tolerance * Math.Abs(current))
        {
            rounds++;
            var moves = Moves(tabu).Take(step).ToList();
            if (moves.Count == 0)
            {
                break;
            }

            foreach (var (from, to) in moves)
            {
                Change(from, -1);
                Change(to, +1);
            }

            var value = Solve(timeLeft());
            if (value < current - Epsilon)
            {
                current = value.Value;
                step = Math.Min(step * 2, Math.Max(1, _problem.Problem.Employees.Count / 10));
                report(current);
                continue;
            }

            foreach (var (from, to) in moves)
            {
                Change(to, -1);
                Change(from, +1);
            }

            if (moves.Count == 1)
            {
                tabu.Add((moves[0].From.Signature, moves[0].To.Signature));
            }

            step = Math.Max(1, step / 2);
            if (value is null || Solve(timeLeft()) is null)
            {
                break;
            }
        }

        Solve(TimeSpan.MaxValue);
        return rounds;
    }

    /// <summary>The pattern of every employee: each class's members take its counted patterns in turn.</summary>
    public IReadOnlyList<Pattern> PatternByEmployee()
    {
        var result = new Pattern[_problem.Problem.Employees.Count];
        foreach (var cls in _problem.Classes)
        {
            var member = 0;
            foreach (var (pattern, count) in _counts[cls.Index].Values)
            {
                for (var n = 0; n < count; n++)
                {
                    result[cls.Members[member++]] = pattern;
                }
            }
        }

        return result;
    }

    /// <summary>The LP value of the current counts, or null if the LP did not solve within <paramref name="limit"/>.</summary>
    private double? Solve(TimeSpan limit)
    {
        var onDuty = _problem.Groups.Select(_ => new double[_problem.Grid.Count]).ToArray();
        foreach (var cls in _problem.Classes)
        {
            foreach (var (pattern, count) in _counts[cls.Index].Values)
            {
                foreach (var t in pattern.OnDuty)
                {
                    onDuty[cls.Group.Index][t] += count;
                }
            }
        }

        _allocation.SetOnDuty(onDuty);
        return _allocation.TrySolve(limit, out var value) ? value + _counts.Sum(c => c.Values.Sum(p => p.Count * p.Pattern.Cost)) : null;
    }

    private void Change(Pattern pattern, int delta)
    {
        var counts = _counts[pattern.ClassIndex];
        var count = (counts.TryGetValue(pattern.Signature, out var entry) ? entry.Count : 0) + delta;
        if (count == 0)
        {
            counts.Remove(pattern.Signature);
        }
        else
        {
            counts[pattern.Signature] = (pattern, count);
        }
    }

    private IEnumerable<(Pattern From, Pattern To)> Moves(HashSet<(string, string)> tabu)
    {
        var moves = new List<(double Gain, Pattern From, Pattern To)>();
        foreach (var cls in _problem.Classes)
        {
            var prices = _allocation.DutyPrices(cls.Group.Index);
            var candidates = _candidates[cls.Index];
            if (_pricer.Price(cls, prices).Pattern is { } fresh)
            {
                candidates.TryAdd(fresh.Signature, fresh);
            }

            var ranked = candidates.Values.Select(p => (Pattern: p, Cost: p.PricedCost(prices))).OrderBy(p => p.Cost).ToList();
            foreach (var (pattern, _) in _counts[cls.Index].Values)
            {
                var cost = pattern.PricedCost(prices);
                var to = ranked.FirstOrDefault(r => r.Cost < cost - Epsilon && !tabu.Contains((pattern.Signature, r.Pattern.Signature)));
                if (to.Pattern is not null)
                {
                    moves.Add((cost - to.Cost, pattern, to.Pattern));
                }
            }
        }

        return moves.OrderByDescending(m => m.Gain).Select(m => (m.From, m.To));
    }
}
