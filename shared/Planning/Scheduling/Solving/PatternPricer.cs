using BackOfficeCloud.Planning.Scheduling.Compilation;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// Finds an employee class's cheapest pattern at given prices of on-duty time (the pricing problem of column
/// generation): the best option per day and length, then a dynamic programme over days with the contract's weekly
/// paid time, days per week and consecutive days as state. The minimum rest between shifts is left out of the
/// programme, so its value is a lower bound (what the bound needs); the pattern it returns is then made to respect
/// rest by moving starts, and is null if that is impossible.
/// </summary>
public sealed class PatternPricer(CompiledProblem problem)
{
    /// <param name="Bound">A lower bound on the priced cost of every feasible pattern of the class.</param>
    /// <param name="Pattern">A feasible pattern (null if the rest repair failed).</param>
    public readonly record struct Priced(double Bound, Pattern? Pattern, double PatternPricedCost);

    /// <param name="dutyPrices">The value of one more on-duty agent of the class's group, per interval.</param>
    public Priced Price(EmployeeClass cls, double[] dutyPrices)
    {
        ArgumentNullException.ThrowIfNull(cls);
        ArgumentNullException.ThrowIfNull(dutyPrices);
        var prefix = new double[dutyPrices.Length + 1];
        for (var t = 0; t < dutyPrices.Length; t++)
        {
            prefix[t + 1] = prefix[t] + dutyPrices[t];
        }

        var days = problem.Grid.Days;
        var optionValue = new double[days][];
        var bestByLength = new int[days][];
        for (var d = 0; d < days; d++)
        {
            var options = cls.OptionsByDay[d];
            var fixedValue = cls.FixedIntervalsByDay[d].Sum(t => dutyPrices[t]);
            optionValue[d] = new double[options.Count];
            bestByLength[d] = Enumerable.Repeat(-1, cls.Lengths.Count).ToArray();
            for (var o = 0; o < options.Count; o++)
            {
                var option = options[o];
                var value = option.StaticCost - (prefix[option.End] - prefix[option.Start]) + fixedValue;
                foreach (var slot in option.Breaks)
                {
                    value += slot.Starts.Min(s => prefix[s + slot.Length] - prefix[s]);
                }

                optionValue[d][o] = value;
                var best = bestByLength[d][option.LengthIndex];
                if (best < 0 || value < optionValue[d][best])
                {
                    bestByLength[d][option.LengthIndex] = o;
                }
            }
        }

        var plan = new WeeklyProgramme(problem, cls).Solve(d => bestByLength[d].Select(o => o < 0 ? double.PositiveInfinity : optionValue[d][o]).ToArray());
        if (plan is null)
        {
            throw new ArgumentException($"employees[{problem.Problem.Employees[cls.Members[0]].Id}].contract = {cls.Contract}: no set of shifts meets it within the horizon, time off and fixed activities.", "employees");
        }

        var pattern = Repair(cls, plan.Value.LengthByDay, optionValue, prefix);
        return new Priced(plan.Value.Value, pattern, pattern?.PricedCost(dutyPrices) ?? double.PositiveInfinity);
    }

    private Pattern? Repair(EmployeeClass cls, int[] lengthByDay, double[][] optionValue, double[] prefix)
    {
        var grid = problem.Grid;
        var rest = cls.Contract.MinRestMinutes;
        var shifts = new List<ShiftChoice>();
        var previousEnd = -1;
        for (var d = 0; d < lengthByDay.Length; d++)
        {
            if (lengthByDay[d] < 0)
            {
                continue;
            }

            var options = cls.OptionsByDay[d];
            var best = -1;
            for (var o = 0; o < options.Count; o++)
            {
                var option = options[o];
                var rested = previousEnd < 0 || (option.Start >= previousEnd && grid.MinutesBetween(previousEnd, option.Start) >= rest);
                if (option.LengthIndex == lengthByDay[d] && rested && (best < 0 || optionValue[d][o] < optionValue[d][best]))
                {
                    best = o;
                }
            }

            if (best < 0)
            {
                return null;
            }

            var chosen = options[best];
            var breakStarts = chosen.Breaks.Select(slot => slot.Starts.MinBy(s => prefix[s + slot.Length] - prefix[s])).ToList();
            shifts.Add(new ShiftChoice(chosen, breakStarts));
            previousEnd = chosen.End;
        }

        return BuildPattern(problem, cls, shifts);
    }

    /// <summary>The pattern of the given shifts: its on-duty intervals and its full cost, the weekend rule included.</summary>
    public static Pattern BuildPattern(CompiledProblem problem, EmployeeClass cls, IReadOnlyList<ShiftChoice> shifts)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(cls);
        ArgumentNullException.ThrowIfNull(shifts);
        var onDuty = new List<int>();
        var cost = 0.0;
        var worked = new HashSet<int>();
        foreach (var shift in shifts)
        {
            var off = cls.FixedIntervalsByDay[shift.Option.Day].ToHashSet();
            for (var i = 0; i < shift.BreakStarts.Count; i++)
            {
                off.UnionWith(Enumerable.Range(shift.BreakStarts[i], shift.Option.Breaks[i].Length));
            }

            onDuty.AddRange(Enumerable.Range(shift.Option.Start, shift.Option.Length).Where(t => !off.Contains(t)));
            cost += shift.Option.StaticCost;
            worked.Add(shift.Option.Day);
        }

        cost += problem.Problem.Weights.WholeWeekendWorked * worked.Count(d => d > 0 && worked.Contains(d - 1) && problem.Grid.Date(d).DayOfWeek == DayOfWeek.Sunday);
        return new Pattern(cls.Index, shifts, cost, onDuty);
    }
}
