using BackOfficeCloud.Planning.Scheduling.Checking;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Planning.Scheduling.Solving;
using static BackOfficeCloud.Planning.Scheduling.Tests.Problems;

namespace BackOfficeCloud.Planning.Scheduling.Tests.Solving;

/// <summary>Instances small enough to solve by hand; the solver must reach their optimum and prove it (gap 0).</summary>
public class CanonicalInstanceTests
{
    private static ScheduleResult Solve(ScheduleProblem problem)
    {
        var result = new ColumnGenerationOptimizer(new ScheduleOptimizerOptions(TimeSpan.FromSeconds(60))).Solve(problem);
        Assert.Empty(new ScheduleChecker().Check(problem, result.Schedule));
        Assert.True(result.LowerBound <= result.Objective.Total + 1e-6, $"bound {result.LowerBound} above objective {result.Objective.Total}");
        return result;
    }

    [Fact]
    public void One_agent_covering_an_eight_hour_day_costs_eight_paid_hours()
    {
        var problem = OneDay(
            [Employee("a", Contract(), "voice")],
            [new ImmediateQueue("voice", 100, Demand(48, 30, (8, 16, 1)))]);

        var result = Solve(problem);

        var shift = Assert.Single(result.Schedule.Shifts);
        Assert.Equal(At(Monday, 8), shift.Start);
        Assert.Equal(At(Monday, 16), shift.End);
        Assert.Equal(80, result.Objective.Total, 6);
        Assert.Equal(80, result.LowerBound, 3);
        Assert.Equal(SolveStatus.Optimal, result.Status);
    }

    [Fact]
    public void A_morning_peak_is_met_with_a_half_shift_rather_than_a_second_full_shift()
    {
        // 2 agents 08-12, 1 agent 12-16. Full + half shift: 80 + 40 = 120 pay, nothing missing or over.
        // Two full shifts: 160 pay + 4 over-staffed hours x 5 = 180. One full shift: 80 + 4 missing hours x 100 = 480.
        var problem = OneDay(
            [Employee("a", Contract(), "voice"), Employee("b", Contract(), "voice")],
            [new ImmediateQueue("voice", 100, Demand(48, 30, (8, 12, 2), (12, 16, 1)))]);

        var result = Solve(problem);

        Assert.Equal(120, result.Objective.Total, 6);
        Assert.Equal(120, result.LowerBound, 3);
        Assert.Equal([240, 480], result.Schedule.Shifts.Select(s => (int)(s.End - s.Start).TotalMinutes).Order());
    }

    [Fact]
    public void The_break_goes_where_nobody_is_needed()
    {
        // Demand 08-16 except 12:00-12:30; a 30-minute paid break may start 3 to 5 hours into the shift.
        var problem = OneDay(
            [Employee("a", Contract(), "voice")],
            [new ImmediateQueue("voice", 100, Demand(48, 30, (8, 12, 1), (12.5, 16, 1)))],
            breaks: [new BreakRule("lunch", 30, 180, 300, 240, Paid: true)]);

        var result = Solve(problem);

        var lunch = Assert.Single(result.Schedule.Shifts[0].Activities, a => a.Kind == ActivityKind.Break);
        Assert.Equal(At(Monday, 12), lunch.Start);
        Assert.Equal(80, result.Objective.Total, 6);
    }

    [Fact]
    public void Back_office_work_is_done_before_its_deadline_when_the_agent_is_cheaper_than_the_delay()
    {
        // 120 minutes arrive at 08:00, due 12:00. A 4-hour shift (40) is cheaper than 120 minutes overdue
        // from 12:00 to midnight (120 x 12 h x 0.1 = 144).
        var work = new DeferrableWork("claims", "claims", [new WorkArrival(16, 120, 24)]);
        var problem = OneDay([Employee("a", Contract(), "claims")], [], [work]);

        var result = Solve(problem);

        Assert.Equal(40, result.Objective.Total, 6);
        Assert.Equal(0, Assert.Single(result.Deadlines).UnfinishedMinutes, 6);
        Assert.Contains(result.Schedule.Shifts[0].Activities, a => a.Kind == ActivityKind.BackOffice && a.Name == "claims");
    }

    [Fact]
    public void Work_stays_undone_when_the_delay_costs_less_than_an_agent()
    {
        // 10 minutes due at 23:30 cost 10 x 0.5 h x 0.1 = 0.5 overdue; any shift costs at least 40.
        var work = new DeferrableWork("claims", "claims", [new WorkArrival(16, 10, 47)]);
        var problem = OneDay([Employee("a", Contract(), "claims")], [], [work]);

        var result = Solve(problem);

        Assert.Empty(result.Schedule.Shifts);
        Assert.Equal(0.5, result.Objective.DeadlineShortfall, 6);
        Assert.Equal(0.5, result.LowerBound, 3);
    }

    [Fact]
    public void A_less_proficient_agent_covers_less()
    {
        // Only a 0.5-proficient agent: covering one agent 08-16 leaves half an agent missing for 8 hours (400).
        var employee = Employee("a", Contract(), "voice") with { Skills = [new SkillLevel("voice", 0.5)] };
        var problem = OneDay([employee], [new ImmediateQueue("voice", 100, Demand(48, 30, (8, 16, 1)))]);

        var result = Solve(problem);

        Assert.Equal(80 + 400, result.Objective.Total, 6);
        Assert.All(result.Coverage[0].Covered.Skip(16).Take(16), c => Assert.Equal(0.5, c, 6));
    }

    [Fact]
    public void The_weekly_minimum_forces_work_nobody_needs()
    {
        // No demand, but the contract pays at least 12 hours a week: three 4-hour shifts in a 7-day week.
        var problem = OneDay([Employee("a", Contract(minWeekly: 720, earliest: 8, latest: 8), "voice")], [new ImmediateQueue("voice", 100, new double[336])], lengths: [240], days: 7);

        var result = Solve(problem);

        Assert.Equal(3, result.Schedule.Shifts.Count);
        Assert.Equal(120 + (3 * 4 * 5), result.Objective.Total, 6);
    }

    [Fact]
    public void A_switch_from_phone_to_back_office_falls_on_the_half_hour_the_demand_ends()
    {
        // One 4-hour shift 08-12, blocks of at least an hour. Phone demand 08:00-09:30 and 150 minutes of claims due at
        // 12:00 fit exactly: phone 08:00-09:30, claims 09:30-12:00, objective = pay 40. Switching on a whole hour
        // instead costs 2.5 over-staffing and 36 overdue (phone until 10) or 50 missing (phone until 9).
        var work = new DeferrableWork("claims", "claims", [new WorkArrival(16, 150, 24)]);
        var problem = OneDay(
            [Employee("a", Contract(minShift: 240, maxShift: 240), "voice", "claims")],
            [new ImmediateQueue("voice", 100, Demand(48, 30, (8, 9.5, 1)))],
            [work],
            lengths: [240]);

        var result = Solve(problem);

        Assert.Equal(40, result.Objective.Total, 6);
        var segments = result.Schedule.Shifts[0].Activities;
        Assert.Equal([(ActivityKind.Phone, At(Monday, 9, 30)), (ActivityKind.BackOffice, At(Monday, 12))], segments.Select(a => (a.Kind, a.End)));
    }

    [Fact]
    public void Before_any_LP_solve_the_bound_is_the_cheapest_pattern_at_zero_prices()
    {
        // The contract forces three 4-hour shifts (120 pay) nobody needs (60 over-staffing): optimum 180. Cancelled
        // before the first LP, the bound is what the cheapest pattern costs when every requirement is free: 120.
        var problem = OneDay([Employee("a", Contract(minWeekly: 720, earliest: 8, latest: 8), "voice")], [new ImmediateQueue("voice", 100, new double[336])], lengths: [240], days: 7);

        var result = new ColumnGenerationOptimizer(new ScheduleOptimizerOptions(TimeSpan.FromSeconds(60))).Solve(problem, null, new CancellationToken(canceled: true));

        Assert.Equal(SolveStatus.Cancelled, result.Status);
        Assert.Equal(120, result.LowerBound, 6);
        Assert.Equal(180, result.Objective.Total, 6);
    }
}
