using BackOfficeCloud.Planning.Scheduling.Checking;
using BackOfficeCloud.Planning.Scheduling.Generation;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Planning.Scheduling.Solving;
using static BackOfficeCloud.Planning.Scheduling.Tests.Problems;

namespace BackOfficeCloud.Planning.Scheduling.Tests.Solving;

/// <summary>Whatever the solver returns obeys every hard rule and sits above its own bound, also on clock-change days.</summary>
public class SolverOutputTests
{
    private static ScheduleResult Solve(ScheduleProblem problem, CancellationToken cancellationToken = default) =>
        new ColumnGenerationOptimizer(new ScheduleOptimizerOptions(TimeSpan.FromSeconds(20))).Solve(problem, null, cancellationToken);

    [Fact]
    public void A_generated_week_passes_the_checker_above_its_bound()
    {
        var problem = ScheduleProblemGenerator.Generate(new GeneratorSettings(Employees: 25, Days: 7, IntervalMinutes: 30, Skills: 3, Seed: 7));

        var result = Solve(problem);

        Assert.Empty(new ScheduleChecker().Check(problem, result.Schedule));
        Assert.InRange(result.LowerBound, 0, result.Objective.Total + 1e-6);
        Assert.Equal((result.Objective.Total - result.LowerBound) / result.Objective.Total, result.Gap, 9);
        Assert.NotEmpty(result.Schedule.Shifts);
        Assert.All(problem.Employees.Where(e => e.FixedActivities.Count > 0), e =>
            Assert.Contains(result.Schedule.Shifts.SelectMany(s => s.Activities), a => a.Kind == ActivityKind.Fixed));
    }

    [Fact]
    public void The_evaluated_parts_match_an_independent_recount_of_pay()
    {
        var problem = ScheduleProblemGenerator.Generate(new GeneratorSettings(Employees: 10, Days: 2, IntervalMinutes: 30, Skills: 2, Seed: 3));

        var result = Solve(problem);

        var employees = problem.Employees.ToDictionary(e => e.Id);
        var pay = result.Schedule.Shifts.Sum(s =>
        {
            var minutes = (s.End - s.Start).TotalMinutes - s.Activities.Where(a => a.Kind == ActivityKind.Break && a.Name == "lunch").Sum(a => (a.End - a.Start).TotalMinutes);
            return minutes / 60 * employees[s.EmployeeId].Contract.HourlyCost;
        });
        Assert.Equal(pay, result.Objective.PaidHours, 6);
    }

    [Theory]
    [InlineData(2026, 3, 29, 23 * 2)]
    [InlineData(2026, 10, 25, 25 * 2)]
    public void Clock_change_days_have_their_own_interval_count_and_valid_shifts(int year, int month, int day, int intervals)
    {
        // Night work across the change: shifts may start from midnight; eight hours elapsed end at 07:00 or 09:00 local.
        var date = new DateOnly(year, month, day);
        var problem = OneDay(
            [Employee("a", Contract(earliest: 0, latest: 0), "voice")],
            [new ImmediateQueue("voice", 100, Demand(intervals, 30, (0, intervals / 2.0, 1)))],
            firstDay: date);

        var result = Solve(problem);

        Assert.Equal(intervals, result.Coverage[0].Required.Count);
        Assert.Empty(new ScheduleChecker().Check(problem, result.Schedule));
        var shift = Assert.Single(result.Schedule.Shifts);
        Assert.Equal(480, (shift.End - shift.Start).TotalMinutes);
        Assert.Equal(At(date, 0), shift.Start);
    }

    [Fact]
    public void A_cancelled_solve_still_returns_a_valid_schedule()
    {
        var problem = ScheduleProblemGenerator.Generate(new GeneratorSettings(Employees: 15, Days: 3, IntervalMinutes: 30, Skills: 3, Seed: 5));

        var result = Solve(problem, new CancellationToken(canceled: true));

        Assert.Equal(SolveStatus.Cancelled, result.Status);
        Assert.Empty(new ScheduleChecker().Check(problem, result.Schedule));
        Assert.True(result.LowerBound <= result.Objective.Total + 1e-6);
    }
}
