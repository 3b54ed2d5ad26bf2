using BackOfficeCloud.Planning.Scheduling.Compilation;
using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Replanning;

/// <summary>
/// Repairs the rest of the day: absent employees stop working, then, one change at a time and only while it reduces
/// the cost of missing agents, back-office blocks go back to the phones and breaks move to quieter intervals inside
/// their windows; finally overtime is proposed where agents are still missing after a shift ends and voluntary time
/// off where a shift's remaining time is all over-staffed. Phone time of a multi-queue agent counts equally towards
/// each of their queues here (a routing-free proxy, cheap enough to try every move).
/// </summary>
public sealed class IntradayReplanner : IIntradayReplanner
{
    private static readonly Label Phone = new(ActivityKind.Phone, "");

    private readonly record struct Label(ActivityKind Kind, string Name)
    {
        public bool IsWork => Kind is ActivityKind.Phone or ActivityKind.BackOffice;
    }

    private sealed class Day(ScheduleProblem problem, HorizonGrid grid, int from, int to, double[][] required)
    {
        public ScheduleProblem Problem => problem;

        public HorizonGrid Grid => grid;

        public int From => from;

        public int To => to;

        public double[][] Supply { get; } = [.. problem.Queues.Select(_ => new double[grid.Count])];

        /// <summary>Cost of the missing agents of the day's rest if <paramref name="delta"/> agents of <paramref name="employee"/> join interval t.</summary>
        public double MissingCost(Employee employee, int t, double delta)
        {
            var cost = 0.0;
            foreach (var (q, share) in Shares(employee))
            {
                var before = Math.Max(0, required[q][t] - Supply[q][t]);
                var after = Math.Max(0, required[q][t] - Supply[q][t] - (delta * share));
                cost += (after - before) * problem.Queues[q].MissingAgentHourCost * grid.Hours(t);
            }

            return cost;
        }

        public bool OverStaffed(Employee employee, int t) =>
            Shares(employee).All(s => Supply[s.Queue][t] - s.Share >= required[s.Queue][t] - 1e-9);

        public void Add(Employee employee, int t, double delta)
        {
            foreach (var (q, share) in Shares(employee))
            {
                Supply[q][t] += delta * share;
            }
        }

        public double MissingAgentHours() =>
            Enumerable.Range(0, problem.Queues.Count).Sum(q => Enumerable.Range(from, to - from).Sum(t => Math.Max(0, required[q][t] - Supply[q][t]) * grid.Hours(t)));

        public IEnumerable<(int Queue, double Share)> Shares(Employee employee)
        {
            var queues = employee.Skills.Select(s => (Queue: problem.Queues.ToList().FindIndex(q => q.Skill == s.Skill), s.Proficiency)).Where(s => s.Queue >= 0).ToList();
            return queues.Select(s => (s.Queue, s.Proficiency / queues.Count));
        }
    }

    private sealed class ShiftPlan(ScheduledShift shift, Employee employee, int start, Label[] labels)
    {
        public ScheduledShift Shift => shift;

        public Employee Employee => employee;

        public int Start => start;

        public Label[] Labels { get; set; } = labels;

        public int End => Start + Labels.Length;
    }

    public ReplanResult Replan(ScheduleProblem problem, Schedule published, ReplanRequest request)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(request);
        var grid = new HorizonGrid(problem.Horizon);
        var now = grid.CeilingIndex(request.Now);
        var dayEnd = now >= grid.Count ? grid.Count : grid.DayStarts[grid.DayOf(now) + 1];
        var required = problem.Queues.Select(q => (request.RequiredAgents?.GetValueOrDefault(q.Skill) ?? q.RequiredAgents).ToArray()).ToArray();
        var day = new Day(problem, grid, now, dayEnd, required);
        var employees = problem.Employees.ToDictionary(e => e.Id);
        var changes = new List<ScheduleChange>();
        var plans = published.Shifts.Select(s => ToPlan(grid, employees[s.EmployeeId], s)).ToList();

        ApplyAbsences(day, plans, request, changes);
        foreach (var plan in plans)
        {
            for (var t = Math.Max(plan.Start, now); t < Math.Min(plan.End, dayEnd); t++)
            {
                day.Add(plan.Employee, t, plan.Labels[t - plan.Start] == Phone ? 1 : 0);
            }
        }

        var before = day.MissingAgentHours();
        var today = plans.Where(p => p.End > now && p.Start < dayEnd).ToList();
        SwapBackOfficeToPhone(day, today, changes);
        MoveBreaks(day, today, changes);
        var after = day.MissingAgentHours();
        ProposeOvertime(day, today, changes);
        ProposeTimeOff(day, today, changes);
        return new ReplanResult(new Schedule([.. plans.Where(p => p.Labels.Length > 0).Select(p => ToShift(grid, p))]), changes, before, after);
    }

    private static void ApplyAbsences(Day day, List<ShiftPlan> plans, ReplanRequest request, List<ScheduleChange> changes)
    {
        var grid = day.Grid;
        foreach (var absence in request.Absences)
        {
            foreach (var plan in plans.Where(p => p.Employee.Id == absence.EmployeeId && p.End > day.From && p.Start < day.To))
            {
                var cut = Math.Max(day.From, grid.CeilingIndex(absence.Start));
                if (cut >= plan.End || grid.StartOf(plan.Start) >= absence.End)
                {
                    continue;
                }

                changes.Add(new ScheduleChange(plan.Employee.Id, ChangeKind.Absent, grid.StartOf(Math.Max(cut, plan.Start)), grid.StartOf(plan.End), "absent: the rest of the shift is dropped"));
                plan.Labels = plan.Labels[..Math.Max(0, cut - plan.Start)];
            }
        }
    }

    private static void SwapBackOfficeToPhone(Day day, List<ShiftPlan> plans, List<ScheduleChange> changes)
    {
        while (true)
        {
            var best = (Gain: 0.0, Plan: (ShiftPlan?)null, From: 0, To: 0);
            foreach (var plan in plans.Where(p => day.Shares(p.Employee).Any()))
            {
                foreach (var (from, to) in Runs(plan).Where(r => r.Label.Kind == ActivityKind.BackOffice && r.From >= day.From && r.To <= day.To).Select(r => (r.From, r.To)))
                {
                    var gain = -Enumerable.Range(from, to - from).Sum(t => day.MissingCost(plan.Employee, t, 1));
                    if (gain > best.Gain + 1e-9)
                    {
                        best = (gain, plan, from, to);
                    }
                }
            }

            if (best.Plan is not { } chosen)
            {
                return;
            }

            var workType = chosen.Labels[best.From - chosen.Start].Name;
            for (var t = best.From; t < best.To; t++)
            {
                chosen.Labels[t - chosen.Start] = Phone;
                day.Add(chosen.Employee, t, 1);
            }

            changes.Add(new ScheduleChange(chosen.Employee.Id, ChangeKind.BackOfficeToPhone, day.Grid.StartOf(best.From), day.Grid.StartOf(best.To), $"{workType} block back to the phones"));
        }
    }

    private static void MoveBreaks(Day day, List<ShiftPlan> plans, List<ScheduleChange> changes)
    {
        var m = day.Grid.IntervalMinutes;
        var block = (int)Math.Ceiling(day.Problem.ShiftRules.MinActivityBlockMinutes / (double)m);
        foreach (var plan in plans)
        {
            foreach (var run in Runs(plan).Where(r => r.Label.Kind == ActivityKind.Break && r.From >= day.From).ToList())
            {
                var rule = day.Problem.ShiftRules.Breaks.First(b => b.Name == run.Label.Name);
                var length = run.To - run.From;
                var best = (Gain: 0.0, Start: -1);
                for (var s = plan.Start + (rule.EarliestStartOffsetMinutes / m); s <= plan.Start + (rule.LatestStartOffsetMinutes / m); s++)
                {
                    if (s == run.From || s < day.From || s + length > Math.Min(plan.End, day.To) || !Enumerable.Range(s, length).All(t => t >= run.From && t < run.To || plan.Labels[t - plan.Start] == Phone))
                    {
                        continue;
                    }

                    var moved = (Label[])plan.Labels.Clone();
                    Array.Fill(moved, Phone, run.From - plan.Start, length);
                    Array.Fill(moved, run.Label, s - plan.Start, length);
                    var gain = -Enumerable.Range(run.From, length).Where(t => t < s || t >= s + length).Sum(t => day.MissingCost(plan.Employee, t, 1))
                        - Enumerable.Range(s, length).Where(t => t < run.From || t >= run.To).Sum(t => day.MissingCost(plan.Employee, t, -1));
                    if (gain > best.Gain + 1e-9 && BlocksHold(moved, block))
                    {
                        best = (gain, s);
                    }
                }

                if (best.Start >= 0)
                {
                    for (var t = run.From; t < run.To; t++)
                    {
                        day.Add(plan.Employee, t, 1);
                    }

                    for (var t = best.Start; t < best.Start + length; t++)
                    {
                        day.Add(plan.Employee, t, -1);
                    }

                    Array.Fill(plan.Labels, Phone, run.From - plan.Start, length);
                    Array.Fill(plan.Labels, run.Label, best.Start - plan.Start, length);
                    changes.Add(new ScheduleChange(plan.Employee.Id, ChangeKind.BreakMoved, day.Grid.StartOf(best.Start), day.Grid.StartOf(best.Start + length), $"{rule.Name} moved from {day.Grid.Intervals[run.From].LocalStart:HH:mm}"));
                }
            }
        }
    }

    private static void ProposeOvertime(Day day, List<ShiftPlan> plans, List<ScheduleChange> changes)
    {
        var rules = day.Problem.ShiftRules;
        foreach (var plan in plans.Where(p => p.Labels.Length > 0 && p.End < day.To && day.Shares(p.Employee).Any()))
        {
            var minutes = (int)(day.Grid.StartOf(plan.End) - plan.Shift.Start).TotalMinutes;
            var longer = rules.AllowedLengthsMinutes.Where(l => l > minutes && l <= plan.Employee.Contract.MaxShiftMinutes).Order().FirstOrDefault();
            var extra = (longer - minutes) / day.Grid.IntervalMinutes;
            if (longer == 0 || plan.End + extra > day.To)
            {
                continue;
            }

            var gain = -Enumerable.Range(plan.End, extra).Sum(t => day.MissingCost(plan.Employee, t, 1));
            if (gain > plan.Employee.Contract.HourlyCost * (longer - minutes) / 60.0)
            {
                Enumerable.Range(plan.End, extra).ToList().ForEach(t => day.Add(plan.Employee, t, 1));
                changes.Add(new ScheduleChange(plan.Employee.Id, ChangeKind.Overtime, day.Grid.StartOf(plan.End), day.Grid.StartOf(plan.End + extra), $"extend to {longer} minutes (saves {gain:F0} of missing-agent cost)"));
            }
        }
    }

    private static void ProposeTimeOff(Day day, List<ShiftPlan> plans, List<ScheduleChange> changes)
    {
        foreach (var plan in plans.Where(p => p.Labels.Length > 0 && p.Start < day.From && day.Shares(p.Employee).Any()))
        {
            var rest = Enumerable.Range(day.From, Math.Max(0, Math.Min(plan.End, day.To) - day.From)).ToList();
            if (rest.Count > 0 && rest.All(t => plan.Labels[t - plan.Start] != Phone || day.OverStaffed(plan.Employee, t)))
            {
                rest.Where(t => plan.Labels[t - plan.Start] == Phone).ToList().ForEach(t => day.Add(plan.Employee, t, -1));
                changes.Add(new ScheduleChange(plan.Employee.Id, ChangeKind.VoluntaryTimeOff, day.Grid.StartOf(day.From), day.Grid.StartOf(plan.End), "the rest of the shift is over-staffed"));
            }
        }
    }

    private static bool BlocksHold(Label[] labels, int block)
    {
        var runs = RunsOf(labels).ToList();
        for (var i = 1; i < runs.Count; i++)
        {
            var (a, b) = (runs[i - 1], runs[i]);
            if (a.Label.IsWork && b.Label.IsWork && a.Label != b.Label && (a.To - a.From < block || b.To - b.From < block))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<(Label Label, int From, int To)> Runs(ShiftPlan plan) =>
        RunsOf(plan.Labels).Select(r => (r.Label, r.From + plan.Start, r.To + plan.Start));

    private static IEnumerable<(Label Label, int From, int To)> RunsOf(Label[] labels)
    {
        for (var i = 0; i < labels.Length;)
        {
            var j = i;
            while (j < labels.Length && labels[j] == labels[i])
            {
                j++;
            }

            yield return (labels[i], i, j);
            i = j;
        }
    }

    private static ShiftPlan ToPlan(HorizonGrid grid, Employee employee, ScheduledShift shift)
    {
        var start = grid.IndexAt(shift.Start);
        var labels = new Label[grid.IndexAt(shift.End) - start];
        foreach (var segment in shift.Activities)
        {
            Array.Fill(labels, new Label(segment.Kind, segment.Name), grid.IndexAt(segment.Start) - start, grid.IndexAt(segment.End) - grid.IndexAt(segment.Start));
        }

        return new ShiftPlan(shift, employee, start, labels);
    }

    private static ScheduledShift ToShift(HorizonGrid grid, ShiftPlan plan) =>
        plan.Shift with
        {
            End = grid.StartOf(plan.End),
            Activities = [.. RunsOf(plan.Labels).Select(r => new ActivitySegment(grid.StartOf(plan.Start + r.From), grid.StartOf(plan.Start + r.To), r.Label.Kind, r.Label.Name))],
        };
}
