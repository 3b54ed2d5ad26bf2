using BackOfficeCloud.Planning.Scheduling.Compilation;
using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// Turns each employee's pattern into activity segments. Every run of on-duty time between breaks, fixed activities
/// and shift edges is cut into pieces of at least the minimum block length; each piece goes to the back-office work
/// type whose planned share (from the LP split of the group) is most behind, or to the phones. Switches then only
/// happen between pieces, so every block next to a switch is long enough.
/// </summary>
internal sealed class ActivityAssigner(CompiledProblem problem)
{
    /// <param name="patternByEmployee">The pattern each employee works, by employee index.</param>
    /// <param name="plannedWork">Planned agents of a group on an activity in an interval.</param>
    public Schedule Assign(IReadOnlyList<Pattern> patternByEmployee, Func<int, int, int, double> plannedWork)
    {
        var grid = problem.Grid;
        var assigned = problem.Groups.Select(g => g.Activities.Select(_ => new double[grid.Count]).ToArray()).ToArray();
        var pieces = new List<(int Employee, int Shift, int From, int To)>();
        for (var e = 0; e < patternByEmployee.Count; e++)
        {
            var pattern = patternByEmployee[e];
            var onDuty = pattern.OnDuty.ToHashSet();
            for (var s = 0; s < pattern.Shifts.Count; s++)
            {
                var option = pattern.Shifts[s].Option;
                foreach (var (from, to) in Runs(option.Start, option.End, onDuty))
                {
                    pieces.AddRange(Cut(from, to).Select(p => (e, s, p.From, p.To)));
                }
            }
        }

        var labels = patternByEmployee.Select(p => p.Shifts.Select(s => new string?[s.Option.Length]).ToArray()).ToArray();
        foreach (var piece in pieces.OrderBy(p => p.From))
        {
            var cls = problem.Classes[patternByEmployee[piece.Employee].ClassIndex];
            var group = cls.Group;
            var bestActivity = -1;
            var bestBehind = double.NegativeInfinity;
            for (var a = 0; a < group.Activities.Count; a++)
            {
                if (group.Activities[a].IsQueue)
                {
                    continue;
                }

                var behind = 0.0;
                for (var t = piece.From; t < piece.To; t++)
                {
                    behind += plannedWork(group.Index, a, t) - assigned[group.Index][a][t];
                }

                if (behind > bestBehind)
                {
                    (bestActivity, bestBehind) = (a, behind);
                }
            }

            var toWork = bestActivity >= 0 && (!group.TakesCalls || bestBehind > (piece.To - piece.From) / 2.0);
            var start = patternByEmployee[piece.Employee].Shifts[piece.Shift].Option.Start;
            var label = toWork ? "w:" + problem.Problem.WorkTypes[group.Activities[bestActivity].Index].Id : "phone";
            for (var t = piece.From; t < piece.To; t++)
            {
                labels[piece.Employee][piece.Shift][t - start] = label;
                if (toWork)
                {
                    assigned[group.Index][bestActivity][t]++;
                }
            }
        }

        var shifts = new List<ScheduledShift>();
        for (var e = 0; e < patternByEmployee.Count; e++)
        {
            for (var s = 0; s < patternByEmployee[e].Shifts.Count; s++)
            {
                shifts.Add(ToShift(problem.Problem.Employees[e], patternByEmployee[e].Shifts[s], labels[e][s]));
            }
        }

        return new Schedule(shifts);
    }

    private ScheduledShift ToShift(Employee employee, ShiftChoice choice, string?[] labels)
    {
        var option = choice.Option;
        var kinds = new (ActivityKind Kind, string Name)[option.Length];
        for (var i = 0; i < option.Length; i++)
        {
            kinds[i] = labels[i] switch
            {
                "phone" => (ActivityKind.Phone, ""),
                { } w => (ActivityKind.BackOffice, w[2..]),
                null => (ActivityKind.Fixed, ""),
            };
        }

        for (var b = 0; b < choice.BreakStarts.Count; b++)
        {
            var slot = option.Breaks[b];
            for (var t = choice.BreakStarts[b]; t < choice.BreakStarts[b] + slot.Length; t++)
            {
                kinds[t - option.Start] = (ActivityKind.Break, problem.Problem.ShiftRules.Breaks[slot.RuleIndex].Name);
            }
        }

        foreach (var f in employee.FixedActivities)
        {
            for (var t = problem.Grid.IndexAt(f.Start); t < problem.Grid.IndexAt(f.End); t++)
            {
                if (t >= option.Start && t < option.End)
                {
                    kinds[t - option.Start] = (ActivityKind.Fixed, f.Name);
                }
            }
        }

        var segments = new List<ActivitySegment>();
        for (var i = 0; i < kinds.Length;)
        {
            var j = i;
            while (j < kinds.Length && kinds[j] == kinds[i] && (kinds[i].Kind != ActivityKind.Break || j == i || !IsBreakStart(choice, option.Start + j)))
            {
                j++;
            }

            segments.Add(new ActivitySegment(problem.Grid.StartOf(option.Start + i), problem.Grid.StartOf(option.Start + j), kinds[i].Kind, kinds[i].Name));
            i = j;
        }

        return new ScheduledShift(employee.Id, problem.Grid.StartOf(option.Start), problem.Grid.StartOf(option.End), segments);
    }

    private static bool IsBreakStart(ShiftChoice choice, int t) => choice.BreakStarts.Contains(t);

    private static IEnumerable<(int From, int To)> Runs(int start, int end, HashSet<int> onDuty)
    {
        for (var t = start; t < end;)
        {
            if (!onDuty.Contains(t))
            {
                t++;
                continue;
            }

            var from = t;
            while (t < end && onDuty.Contains(t))
            {
                t++;
            }

            yield return (from, t);
        }
    }

    private IEnumerable<(int From, int To)> Cut(int from, int to)
    {
        var block = problem.BlockIntervals;
        var count = Math.Max(1, (to - from) / block);
        for (var i = 0; i < count; i++)
        {
            yield return (from + (i * block), i == count - 1 ? to : from + ((i + 1) * block));
        }
    }
}
