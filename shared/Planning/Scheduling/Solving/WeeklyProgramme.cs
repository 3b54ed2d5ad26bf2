using BackOfficeCloud.Planning.Scheduling.Compilation;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// The cheapest choice of a shift length (or a day off) per day under the contract: paid time within the weekly
/// minimum and maximum, days per week, consecutive days, forced working days, and the whole-weekend fairness cost.
/// State per day: days worked this week × paid-time units this week × consecutive days worked.
/// </summary>
internal sealed class WeeklyProgramme
{
    private readonly CompiledProblem _problem;
    private readonly EmployeeClass _cls;
    private readonly int _k;
    private readonly int _h;
    private readonly int _c;

    public WeeklyProgramme(CompiledProblem problem, EmployeeClass cls)
    {
        _problem = problem;
        _cls = cls;
        _k = Math.Min(7, cls.Contract.MaxDaysPerWeek) + 1;
        _h = cls.MaxUnitsPerWeek + 1;
        _c = Math.Min(problem.Grid.Days, cls.Contract.MaxConsecutiveDays) + 1;
    }

    public readonly record struct Plan(double Value, int[] LengthByDay);

    /// <param name="valueByLength">For each day, the priced cost of its best option of each length (∞ if none).</param>
    public Plan? Solve(Func<int, double[]> valueByLength)
    {
        var days = _problem.Grid.Days;
        var size = _k * _h * _c;
        var cost = Filled(size, double.PositiveInfinity);
        cost[Index(0, 0, 0)] = 0;
        var parent = new int[days][];
        var weekend = _problem.Problem.Weights.WholeWeekendWorked;
        for (var d = 0; d < days; d++)
        {
            var weekStart = d % 7 == 0 && d > 0;
            var values = valueByLength(d);
            var next = Filled(size, double.PositiveInfinity);
            var from = parent[d] = new int[size];
            var sunday = d > 0 && _problem.Grid.Date(d).DayOfWeek == DayOfWeek.Sunday;
            for (var s = 0; s < size; s++)
            {
                if (double.IsPositiveInfinity(cost[s]))
                {
                    continue;
                }

                var (k, h, c) = Decode(s);
                if (weekStart)
                {
                    if (h < _cls.MinUnitsByWeek[(d / 7) - 1])
                    {
                        continue;
                    }

                    (k, h) = (0, 0);
                }

                if (!_cls.MustWork[d])
                {
                    Relax(next, from, Index(k, h, 0), cost[s], s, -1);
                }

                if (k + 1 >= _k || c + 1 >= _c)
                {
                    continue;
                }

                var extra = sunday && c > 0 ? weekend : 0;
                for (var l = 0; l < values.Length; l++)
                {
                    var h2 = h + _cls.Lengths[l].Units;
                    if (h2 < _h && !double.IsPositiveInfinity(values[l]))
                    {
                        Relax(next, from, Index(k + 1, h2, c + 1), cost[s] + values[l] + extra, s, l);
                    }
                }
            }

            cost = next;
        }

        var lastMin = _cls.MinUnitsByWeek[(days - 1) / 7];
        var best = -1;
        for (var s = 0; s < size; s++)
        {
            if (Decode(s).H >= lastMin && !double.IsPositiveInfinity(cost[s]) && (best < 0 || cost[s] < cost[best]))
            {
                best = s;
            }
        }

        return best < 0 ? null : new Plan(cost[best], Trace(parent, best));
    }

    private static int[] Trace(int[][] parent, int state)
    {
        var lengthByDay = new int[parent.Length];
        for (var d = parent.Length - 1; d >= 0; d--)
        {
            var packed = parent[d][state];
            lengthByDay[d] = (packed & 0xFF) - 1;
            state = packed >> 8;
        }

        return lengthByDay;
    }

    private static void Relax(double[] next, int[] from, int to, double value, int source, int length)
    {
        if (value < next[to])
        {
            next[to] = value;
            from[to] = (source << 8) | (length + 1);
        }
    }

    private int Index(int k, int h, int c) => (((k * _h) + h) * _c) + c;

    private (int K, int H, int C) Decode(int s) => (s / (_h * _c), s / _c % _h, s % _c);

    private static double[] Filled(int size, double value)
    {
        var a = new double[size];
        Array.Fill(a, value);
        return a;
    }
}
