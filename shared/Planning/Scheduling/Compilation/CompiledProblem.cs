using System.Text.Json;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Planning.Scheduling.Validation;

namespace BackOfficeCloud.Planning.Scheduling.Compilation;

/// <summary>A validated problem turned into interval indices: skill groups, employee classes and their shift options.</summary>
public sealed class CompiledProblem
{
    private CompiledProblem(ScheduleProblem problem, HorizonGrid grid)
    {
        Problem = problem;
        Grid = grid;
    }

    public ScheduleProblem Problem { get; }

    public HorizonGrid Grid { get; }

    public IReadOnlyList<SkillGroup> Groups { get; private set; } = [];

    public IReadOnlyList<EmployeeClass> Classes { get; private set; } = [];

    /// <summary>Cumulative work minutes arrived by the end of each interval, per work type.</summary>
    public IReadOnlyList<double[]> ArrivedBy { get; private set; } = [];

    /// <summary>
    /// Cumulative work minutes due by the start of each interval, per work type; what is not done by the end of the
    /// interval counts as overdue during it.
    /// </summary>
    public IReadOnlyList<double[]> DueBy { get; private set; } = [];

    public int BlockIntervals { get; private set; }

    public static CompiledProblem Compile(ScheduleProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var grid = new HorizonGrid(problem.Horizon);
        ProblemValidator.Validate(problem, grid.Count);
        var compiled = new CompiledProblem(problem, grid);
        compiled.BlockIntervals = Math.Max(1, (int)Math.Ceiling(problem.ShiftRules.MinActivityBlockMinutes / (double)grid.IntervalMinutes));
        compiled.BuildWorkCurves();
        compiled.BuildClasses();
        return compiled;
    }

    private void BuildWorkCurves()
    {
        var arrived = new List<double[]>();
        var due = new List<double[]>();
        foreach (var w in Problem.WorkTypes)
        {
            var a = new double[Grid.Count];
            var d = new double[Grid.Count];
            foreach (var arrival in w.Arrivals)
            {
                a[arrival.Interval] += arrival.Minutes;
                if (arrival.DueInterval < Grid.Count)
                {
                    d[arrival.DueInterval] += arrival.Minutes;
                }
            }

            for (var t = 1; t < Grid.Count; t++)
            {
                a[t] += a[t - 1];
                d[t] += d[t - 1];
            }

            arrived.Add(a);
            due.Add(d);
        }

        ArrivedBy = arrived;
        DueBy = due;
    }

    private void BuildClasses()
    {
        var groups = new Dictionary<string, SkillGroup>();
        var classes = new Dictionary<string, List<int>>();
        for (var i = 0; i < Problem.Employees.Count; i++)
        {
            var e = Problem.Employees[i];
            var key = JsonSerializer.Serialize(e with { Id = "", Team = "", Skills = [.. e.Skills.OrderBy(s => s.Skill, StringComparer.Ordinal)] }, SchedulingJson.Options);
            if (!classes.TryGetValue(key, out var members))
            {
                classes[key] = members = [];
            }

            members.Add(i);
        }

        var list = new List<EmployeeClass>();
        foreach (var members in classes.Values)
        {
            var e = Problem.Employees[members[0]];
            var group = GroupOf(e, groups);
            list.Add(BuildClass(list.Count, group, members, e));
        }

        Groups = [.. groups.Values.OrderBy(g => g.Index)];
        Classes = list;
    }

    private SkillGroup GroupOf(Employee e, Dictionary<string, SkillGroup> groups)
    {
        var activities = new List<GroupActivity>();
        foreach (var s in e.Skills)
        {
            var q = Problem.Queues.ToList().FindIndex(q => q.Skill == s.Skill);
            if (q >= 0)
            {
                activities.Add(new GroupActivity(true, q, s.Proficiency));
            }

            for (var w = 0; w < Problem.WorkTypes.Count; w++)
            {
                if (Problem.WorkTypes[w].Skill == s.Skill)
                {
                    activities.Add(new GroupActivity(false, w, s.Proficiency));
                }
            }
        }

        var key = string.Join(';', activities.OrderBy(a => (a.IsQueue, a.Index)).Select(a => $"{a.IsQueue}:{a.Index}:{a.Proficiency}"));
        if (!groups.TryGetValue(key, out var group))
        {
            groups[key] = group = new SkillGroup(groups.Count, activities);
        }

        return group;
    }

    private EmployeeClass BuildClass(int index, SkillGroup group, List<int> members, Employee e)
    {
        var c = e.Contract;
        var rules = Problem.ShiftRules;
        var m = Grid.IntervalMinutes;
        var lengthMinutes = rules.AllowedLengthsMinutes.Where(l => l >= c.MinShiftMinutes && l <= c.MaxShiftMinutes).Distinct().Order().ToList();
        var paid = lengthMinutes.Select(l => SoftRules.PaidMinutes(rules, l)).ToList();
        var unit = paid.Aggregate(0, Gcd);
        unit = unit == 0 ? 1 : unit;
        var lengths = lengthMinutes.Select((l, i) => new LengthSpec(l / m, paid[i], paid[i] / unit)).ToList();

        var fixedByDay = Enumerable.Range(0, Grid.Days).Select(_ => new List<int>()).ToList();
        foreach (var f in e.FixedActivities)
        {
            var from = Grid.IndexAt(f.Start);
            var to = Grid.IndexAt(f.End);
            ProblemValidator.ValidateOnGrid(e.Id, f, from, to);
            fixedByDay[Grid.DayOf(from)].AddRange(Enumerable.Range(from, to - from));
        }

        var options = new List<IReadOnlyList<ShiftOption>>();
        var wholeDaysOff = new bool[Grid.Days];
        for (var d = 0; d < Grid.Days; d++)
        {
            var dayStart = Grid.StartOf(Grid.DayStarts[d]);
            var dayEnd = Grid.StartOf(Grid.DayStarts[d + 1]);
            wholeDaysOff[d] = e.TimeOff.Any(t => t.Start <= dayStart && t.End >= dayEnd);
            options.Add(c.MaxDaysPerWeek == 0 ? [] : DayOptions(e, d, lengths, fixedByDay[d]));
        }

        var weeks = (Grid.Days + 6) / 7;
        var minUnits = new int[weeks];
        for (var w = 0; w < weeks; w++)
        {
            var days = Enumerable.Range(w * 7, Math.Min(7, Grid.Days - (w * 7))).Count(d => !wholeDaysOff[d]);
            var minutes = c.MinWeeklyPaidMinutes * days / 7;
            minUnits[w] = (minutes + unit - 1) / unit;
        }

        return new EmployeeClass
        {
            Index = index,
            Group = group,
            Members = members,
            Representative = e,
            Lengths = lengths,
            UnitMinutes = unit,
            OptionsByDay = options,
            FixedIntervalsByDay = fixedByDay,
            MustWork = fixedByDay.Select(f => f.Count > 0).ToList(),
            MinUnitsByWeek = minUnits,
            MaxUnitsPerWeek = c.MaxWeeklyPaidMinutes / unit,
        };
    }

    private List<ShiftOption> DayOptions(Employee e, int day, IReadOnlyList<LengthSpec> lengths, List<int> fixedIntervals)
    {
        var c = e.Contract;
        var rules = Problem.ShiftRules;
        var m = Grid.IntervalMinutes;
        var result = new List<ShiftOption>();
        var fixedSet = fixedIntervals.ToHashSet();
        for (var s = Grid.DayStarts[day]; s < Grid.DayStarts[day + 1]; s++)
        {
            var local = Grid.Intervals[s].LocalStart;
            var time = TimeOnly.FromDateTime(local);
            if (time < c.EarliestStart || time > c.LatestStart || Grid.Intervals[s].MinuteOfDay % rules.StartGranularityMinutes != 0)
            {
                continue;
            }

            for (var li = 0; li < lengths.Count; li++)
            {
                var n = lengths[li].Intervals;
                if (s + n > Grid.Count || fixedIntervals.Any(f => f < s || f >= s + n))
                {
                    continue;
                }

                var start = Grid.StartOf(s);
                var end = Grid.StartOf(s + n);
                if (e.TimeOff.Any(t => t.Start < end && t.End > start))
                {
                    continue;
                }

                var breaks = BreakSlots(s, n * m, fixedSet);
                if (breaks is null)
                {
                    continue;
                }

                var cost = SoftRules.ShiftCost(Problem, e, local, LocalTime.ToLocal(Grid.Zone, end), n * m);
                result.Add(new ShiftOption(day, s, n, li, cost, breaks));
            }
        }

        return result;
    }

    private List<BreakSlot>? BreakSlots(int shiftStart, int lengthMinutes, HashSet<int> fixedSet)
    {
        var m = Grid.IntervalMinutes;
        var rules = Problem.ShiftRules.Breaks;
        var slots = new List<BreakSlot>();
        for (var b = 0; b < rules.Count; b++)
        {
            var rule = rules[b];
            if (rule.MinShiftMinutes > lengthMinutes)
            {
                continue;
            }

            var k = rule.Minutes / m;
            var starts = new List<int>();
            for (var o = rule.EarliestStartOffsetMinutes / m; o <= rule.LatestStartOffsetMinutes / m; o++)
            {
                var first = shiftStart + o;
                if ((o + k) * m <= lengthMinutes && !Enumerable.Range(first, k).Any(fixedSet.Contains))
                {
                    starts.Add(first);
                }
            }

            if (starts.Count == 0)
            {
                return null;
            }

            slots.Add(new BreakSlot(b, k, starts));
        }

        return slots;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
