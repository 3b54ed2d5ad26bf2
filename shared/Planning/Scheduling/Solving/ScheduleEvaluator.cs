using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Compilation;
using BackOfficeCloud.Planning.Scheduling.Model;
using Google.OrTools.LinearSolver;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// Prices a finished schedule: pay, preferences and fairness per shift; queue coverage with phone time routed
/// between each agent's queues as well as possible (an LP per interval, solved as one); back-office work done
/// first-in-first-out and measured against the due curve.
/// </summary>
public sealed class ScheduleEvaluator(CompiledProblem problem)
{
    public sealed record Evaluation(ObjectiveParts Parts, IReadOnlyList<QueueCoverage> Coverage, IReadOnlyList<WorkShortfall> Deadlines);

    public Evaluation Evaluate(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var grid = problem.Grid;
        var p = problem.Problem;
        var classOf = new Dictionary<string, EmployeeClass>();
        foreach (var cls in problem.Classes)
        {
            foreach (var m in cls.Members)
            {
                classOf[p.Employees[m].Id] = cls;
            }
        }

        var phones = problem.Groups.Select(_ => new double[grid.Count]).ToArray();
        var workDone = p.WorkTypes.Select(_ => new double[grid.Count]).ToArray();
        double pay = 0, preferences = 0, fairness = 0;
        foreach (var byEmployee in schedule.Shifts.GroupBy(s => s.EmployeeId))
        {
            var cls = classOf[byEmployee.Key];
            var e = cls.Representative;
            var days = new HashSet<int>();
            foreach (var shift in byEmployee)
            {
                var localStart = LocalTime.ToLocal(grid.Zone, shift.Start);
                var length = (int)(shift.End - shift.Start).TotalMinutes;
                pay += SoftRules.PayCost(e.Contract, SoftRules.PaidMinutes(p.ShiftRules, length));
                preferences += p.Weights.PreferenceViolation * SoftRules.PreferenceViolations(e.Preferences, localStart);
                fairness += SoftRules.IsLate(p.Weights, localStart, LocalTime.ToLocal(grid.Zone, shift.End)) ? p.Weights.LateShift : 0;
                days.Add(grid.DayOf(grid.IndexAt(shift.Start)));
                foreach (var segment in shift.Activities)
                {
                    AddSegment(cls.Group, segment, phones, workDone);
                }
            }

            fairness += p.Weights.WholeWeekendWorked * days.Count(d => d > 0 && days.Contains(d - 1) && grid.Date(d).DayOfWeek == DayOfWeek.Sunday);
        }

        var (under, over, coverage) = RoutePhones(phones);
        var (deadline, deadlines) = Deadlines(workDone);
        return new Evaluation(new ObjectiveParts(under, over, deadline, pay, preferences, fairness), coverage, deadlines);
    }

    private void AddSegment(SkillGroup group, ActivitySegment segment, double[][] phones, double[][] workDone)
    {
        var grid = problem.Grid;
        for (var t = grid.IndexAt(segment.Start); t < grid.IndexAt(segment.End); t++)
        {
            if (segment.Kind == ActivityKind.Phone)
            {
                phones[group.Index][t]++;
            }
            else if (segment.Kind == ActivityKind.BackOffice)
            {
                var a = group.Activities.First(a => !a.IsQueue && problem.Problem.WorkTypes[a.Index].Id == segment.Name);
                workDone[a.Index][t] += a.Proficiency * grid.Intervals[t].Minutes;
            }
        }
    }

    private (double Under, double Over, IReadOnlyList<QueueCoverage> Coverage) RoutePhones(double[][] phones)
    {
        var grid = problem.Grid;
        var queues = problem.Problem.Queues;
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP is not available.");
        var objective = solver.Objective();
        var routed = new List<(int Queue, int T, double Proficiency, Variable Agents)>();
        var rows = new Constraint[queues.Count, grid.Count];
        var unders = new Variable[queues.Count, grid.Count];
        var overs = new Variable[queues.Count, grid.Count];
        for (var q = 0; q < queues.Count; q++)
        {
            for (var t = 0; t < grid.Count; t++)
            {
                rows[q, t] = solver.MakeConstraint(queues[q].RequiredAgents[t], queues[q].RequiredAgents[t], "");
                unders[q, t] = solver.MakeNumVar(0, double.PositiveInfinity, "");
                overs[q, t] = solver.MakeNumVar(0, double.PositiveInfinity, "");
                objective.SetCoefficient(unders[q, t], queues[q].MissingAgentHourCost * grid.Hours(t));
                objective.SetCoefficient(overs[q, t], problem.Problem.Weights.OverstaffedAgentHour * grid.Hours(t));
                rows[q, t].SetCoefficient(unders[q, t], 1);
                rows[q, t].SetCoefficient(overs[q, t], -1);
            }
        }

        foreach (var g in problem.Groups.Where(g => g.TakesCalls))
        {
            for (var t = 0; t < grid.Count; t++)
            {
                if (phones[g.Index][t] == 0)
                {
                    continue;
                }

                var supply = solver.MakeConstraint(phones[g.Index][t], phones[g.Index][t], "");
                foreach (var a in g.Activities.Where(a => a.IsQueue))
                {
                    var agents = solver.MakeNumVar(0, double.PositiveInfinity, "");
                    supply.SetCoefficient(agents, 1);
                    rows[a.Index, t].SetCoefficient(agents, a.Proficiency);
                    routed.Add((a.Index, t, a.Proficiency, agents));
                }
            }
        }

        objective.SetMinimization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException("The phone routing LP did not solve to optimality.");
        }

        var covered = new double[queues.Count, grid.Count];
        foreach (var (q, t, proficiency, agents) in routed)
        {
            covered[q, t] += proficiency * agents.SolutionValue();
        }

        double under = 0, over = 0;
        var coverage = new List<QueueCoverage>();
        for (var q = 0; q < queues.Count; q++)
        {
            var delivered = new double[grid.Count];
            for (var t = 0; t < grid.Count; t++)
            {
                delivered[t] = covered[q, t];
                var gap = delivered[t] - queues[q].RequiredAgents[t];
                under += Math.Max(0, -gap) * queues[q].MissingAgentHourCost * grid.Hours(t);
                over += Math.Max(0, gap) * problem.Problem.Weights.OverstaffedAgentHour * grid.Hours(t);
            }

            coverage.Add(new QueueCoverage(queues[q].Skill, queues[q].RequiredAgents, delivered));
        }

        return (under, over, coverage);
    }

    private (double Cost, IReadOnlyList<WorkShortfall> Shortfalls) Deadlines(double[][] workDone)
    {
        var grid = problem.Grid;
        var cost = 0.0;
        var shortfalls = new List<WorkShortfall>();
        for (var w = 0; w < workDone.Length; w++)
        {
            double done = 0, minuteHours = 0, maxOverdue = 0;
            for (var t = 0; t < grid.Count; t++)
            {
                done = Math.Min(done + workDone[w][t], problem.ArrivedBy[w][t]);
                var overdue = Math.Max(0, problem.DueBy[w][t] - done);
                minuteHours += overdue * grid.Hours(t);
                maxOverdue = Math.Max(maxOverdue, overdue);
            }

            var unfinished = grid.Count == 0 ? 0 : problem.ArrivedBy[w][^1] - done;
            cost += minuteHours * problem.Problem.Weights.OverdueWorkMinuteHour;
            shortfalls.Add(new WorkShortfall(problem.Problem.WorkTypes[w].Id, minuteHours, maxOverdue, unfinished));
        }

        return (cost, shortfalls);
    }
}
