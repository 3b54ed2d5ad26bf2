using BackOfficeCloud.Planning.Scheduling.Compilation;
using BackOfficeCloud.Planning.Scheduling.Model;
using static BackOfficeCloud.Planning.Scheduling.Tests.Problems;

namespace BackOfficeCloud.Planning.Scheduling.Tests.Validation;

public class ProblemValidatorTests
{
    private static ScheduleProblem Valid() => OneDay(
        [Employee("a", Contract(), "voice")],
        [new ImmediateQueue("voice", 100, new double[48])]);

    [Fact]
    public void A_requirement_series_of_the_wrong_length_names_the_queue()
    {
        var problem = Valid() with { Queues = [new ImmediateQueue("voice", 100, new double[47])] };
        var error = Assert.Throws<ArgumentException>(() => CompiledProblem.Compile(problem));
        Assert.Contains("queues[voice].required_agents = 47", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_skill_names_the_employee()
    {
        var problem = Valid() with { Employees = [Employee("a", Contract(), "sms")] };
        var error = Assert.Throws<ArgumentException>(() => CompiledProblem.Compile(problem));
        Assert.Contains("employees[a].skills = sms:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_break_windows_are_rejected()
    {
        var problem = Valid() with
        {
            ShiftRules = Valid().ShiftRules with { Breaks = [new BreakRule("one", 30, 60, 120, 240, true), new BreakRule("two", 30, 120, 180, 240, true)] },
        };
        var error = Assert.Throws<ArgumentException>(() => CompiledProblem.Compile(problem));
        Assert.Contains("shift_rules.breaks[two]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contract_no_pattern_can_meet_names_the_employee()
    {
        // 20 paid hours a week but only one 8-hour day in the horizon.
        var problem = Valid() with { Employees = [Employee("a", Contract(minWeekly: 8400), "voice")] };
        var error = Assert.Throws<ArgumentException>(() => new BackOfficeCloud.Planning.Scheduling.Solving.ColumnGenerationOptimizer(new ScheduleOptimizerOptions(TimeSpan.FromSeconds(5))).Solve(problem));
        Assert.Contains("employees[a]", error.Message, StringComparison.Ordinal);
    }
}
