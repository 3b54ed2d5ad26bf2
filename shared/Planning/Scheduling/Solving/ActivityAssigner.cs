using BackOfficeCloud.Planning.Scheduling.Compilation;
using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// Turns each employee's pattern into activity segments. Every run of on-duty time between breaks, fixed activities
/// and shift edges is first cut into pieces of at least the minimum block length, each sent to the phones or a
/// back-office work type so that the agents per group, activity and interval come close (L1) to the LP's planned
/// split (a greedy pass in start order, then single-piece moves). The plan splits agents fractionally, so the
/// <see cref="BlockRefiner"/> then re-splits each run at the objective's own marginal costs.
/// </summary>
internal sealed class ActivityAssigner(CompiledProblem problem)
{
    private const int Phone = ActivityCost.Phone;

    private sealed record Piece(DutyRun Run, int From, int To)
    {
        public SkillGroup Group => Run.Group;

        public int Activity { get; set; } = Phone;
    }

    /// <param name="patternByEmployee">The pattern each employee works, by employee index.</param>
    /// <param name="plannedWork">Planned agents of a group on an activity in an interval.</param>
    /// <param name="stop">Ends the block refinement early (the schedule is complete at any point of it).</param>
    public Schedule Assign(IReadOnlyList<Pattern> patternByEmployee, Func<int, int, int, double> plannedWork, Func<bool> stop)
    {
        var runs = DutyRuns(patternByEmployee);
        var pieces = runs.SelectMany(r => Cut(r.From, r.To).Select(p => new Piece(r, p.From, p.To))).ToList();
        var fit = new TargetFit(problem, plannedWork);
        foreach (var piece in pieces.OrderBy(p => p.From))
        {
            piece.Activity = fit.Cheapest(piece);
            fit.Move(piece, piece.Activity, +1);
        }

        // A few passes of single-piece moves that bring the counts closer to the plan.
        for (var pass = 0; pass < 4; pass++)
        {
            var moved = 0;
            foreach (var piece in pieces)
            {
                fit.Move(piece, piece.Activity, -1);
                var best = fit.Cheapest(piece);
                moved += best == piece.Activity ? 0 : 1;
                piece.Activity = best;
                fit.Move(piece, best, +1);
            }

            if (moved == 0)
            {
                break;
            }
        }

        foreach (var piece in pieces)
        {
            Array.Fill(piece.Run.Activities, piece.Activity, piece.From - piece.Run.From, piece.To - piece.From);
        }

        new BlockRefiner(problem, new ActivityCost(problem, plannedWork)).Refine(runs, stop);
        var labels = patternByEmployee.Select(p => p.Shifts.Select(s => new string?[s.Option.Length]).ToArray()).ToArray();
        foreach (var run in runs)
        {
            var start = patternByEmployee[run.Employee].Shifts[run.Shift].Option.Start;
            for (var t = run.From; t < run.To; t++)
            {
                var activity = run.Activities[t - run.From];
                labels[run.Employee][run.Shift][t - start] = activity == Phone ? "phone" : "w:" + problem.Problem.WorkTypes[run.Group.Activities[activity].Index].Id;
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

    private List<DutyRun> DutyRuns(IReadOnlyList<Pattern> patternByEmployee)
    {
        var runs = new List<DutyRun>();
        for (var e = 0; e < patternByEmployee.Count; e++)
        {
            var pattern = patternByEmployee[e];
            var group = problem.Classes[pattern.ClassIndex].Group;
            var onDuty = pattern.OnDuty.ToHashSet();
            for (var s = 0; s < pattern.Shifts.Count; s++)
            {
                var option = pattern.Shifts[s].Option;
                foreach (var (from, to) in Runs(option.Start, option.End, onDuty))
                {
                    runs.Add(new DutyRun(e, s, group, from, to));
                }
            }
        }

        return runs;
    }

    /// <summary>Agents per group, activity and interval, and their distance (L1) from the LP's planned split.</summary>
    private sealed class TargetFit
    {
        // Phones short of plan cost service; back office short of plan only delays work with a deadline a day away.
        private const double PhoneShort = 10;
        private const double PhoneExcess = 1;
        private const double WorkShort = 1;
        private const double WorkExcess = 0.2;

        private readonly double[][][] _planned;
        private readonly double[][][] _count;

        public TargetFit(CompiledProblem problem, Func<int, int, int, double> plannedWork)
        {
            var n = problem.Grid.Count;
            _planned = [.. problem.Groups.Select(g => Targets(g, n, plannedWork))];
            _count = [.. problem.Groups.Select(g => g.Activities.Select(_ => new double[n]).Append(new double[n]).ToArray())];
        }

        /// <summary>Slot 0 is the phones (all queue activities together), slot 1 + a is back-office activity a.</summary>
        private static double[][] Targets(SkillGroup g, int n, Func<int, int, int, double> plannedWork)
        {
            var targets = g.Activities.Select(_ => new double[n]).Append(new double[n]).ToArray();
            for (var a = 0; a < g.Activities.Count; a++)
            {
                for (var t = 0; t < n; t++)
                {
                    targets[g.Activities[a].IsQueue ? 0 : a + 1][t] += plannedWork(g.Index, a, t);
                }
            }

            return targets;
        }

        public int Cheapest(Piece piece)
        {
            var (best, bestCost) = (-2, double.PositiveInfinity);
            foreach (var activity in ActivityCost.Choices(piece.Group))
            {
                var cost = Cost(piece, activity);
                if (cost < bestCost - 1e-9)
                {
                    (best, bestCost) = (activity, cost);
                }
            }

            return best;
        }

        public void Move(Piece piece, int activity, int delta)
        {
            var counts = _count[piece.Group.Index][Slot(activity)];
            for (var t = piece.From; t < piece.To; t++)
            {
                counts[t] += delta;
            }
        }

        /// <summary>How much adding the piece to the activity changes the distance from the plan.</summary>
        private double Cost(Piece piece, int activity)
        {
            var slot = Slot(activity);
            var planned = _planned[piece.Group.Index][slot];
            var counts = _count[piece.Group.Index][slot];
            var (short_, excess) = slot == 0 ? (PhoneShort, PhoneExcess) : (WorkShort, WorkExcess);
            var cost = 0.0;
            for (var t = piece.From; t < piece.To; t++)
            {
                cost += Distance(counts[t] + 1 - planned[t], short_, excess) - Distance(counts[t] - planned[t], short_, excess);
            }

            return cost;
        }

        private static double Distance(double surplus, double shortWeight, double excessWeight) =>
            surplus < 0 ? -surplus * shortWeight : surplus * excessWeight;

        private static int Slot(int activity) => activity == Phone ? 0 : activity + 1;
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
