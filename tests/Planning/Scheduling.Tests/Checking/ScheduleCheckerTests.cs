using BackOfficeCloud.Planning.Scheduling.Checking;
using BackOfficeCloud.Planning.Scheduling.Model;
using static BackOfficeCloud.Planning.Scheduling.Tests.Problems;

namespace BackOfficeCloud.Planning.Scheduling.Tests.Checking;

/// <summary>A valid hand-made schedule, then one broken rule at a time: the checker must name each.</summary>
public class ScheduleCheckerTests
{
    private static readonly DateOnly Tuesday = Monday.AddDays(1);

    private static readonly BreakRule Lunch = new("lunch", 30, 180, 300, 480, Paid: false);

    private static ScheduleProblem Problem(Employee? employee = null) => OneDay(
        [employee ?? Employee("a", Contract(minWeekly: 0, maxWeekly: 960, earliest: 8, latest: 10, maxDays: 3, maxConsecutive: 2), "voice", "claims")],
        [new ImmediateQueue("voice", 100, new double[48 * 7])],
        [new DeferrableWork("claims", "claims", [])],
        breaks: [Lunch],
        days: 7);

    private static List<ActivitySegment> Day(DateOnly day, int startHour = 8) =>
    [
        new(At(day, startHour), At(day, startHour + 2), ActivityKind.Phone, ""),
        new(At(day, startHour + 2), At(day, startHour + 4), ActivityKind.BackOffice, "claims"),
        new(At(day, startHour + 4), At(day, startHour + 4, 30), ActivityKind.Break, "lunch"),
        new(At(day, startHour + 4, 30), At(day, startHour + 8), ActivityKind.Phone, ""),
    ];

    private static ScheduledShift Shift(DateOnly day, IReadOnlyList<ActivitySegment>? activities = null, int startHour = 8, int hours = 8) =>
        new("a", At(day, startHour), At(day, startHour + hours), activities ?? Day(day, startHour));

    private static IReadOnlyList<Violation> Check(ScheduleProblem problem, params ScheduledShift[] shifts) =>
        new ScheduleChecker().Check(problem, new Schedule(shifts));

    private static void AssertOnly(string rule, IReadOnlyList<Violation> violations)
    {
        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Equal(rule, v.Rule));
    }

    [Fact]
    public void A_valid_schedule_passes() =>
        Assert.Empty(Check(Problem(), Shift(Monday), Shift(Tuesday)));

    [Fact]
    public void Unknown_employee() =>
        AssertOnly("employee", Check(Problem(), Shift(Monday) with { EmployeeId = "ghost" }));

    [Fact]
    public void Shift_length_not_allowed()
    {
        var activities = new List<ActivitySegment> { new(At(Monday, 8), At(Monday, 11), ActivityKind.Phone, "") };
        AssertOnly("shift length", Check(Problem(), Shift(Monday, activities, hours: 3)));
    }

    [Fact]
    public void Start_outside_the_contract_window() =>
        AssertOnly("start time", Check(Problem(), Shift(Monday, startHour: 11)));

    [Fact]
    public void Overlapping_time_off()
    {
        var employee = Problem().Employees[0] with { TimeOff = [new TimeOff(At(Monday, 15), At(Monday, 18))] };
        AssertOnly("time off", Check(Problem(employee), Shift(Monday)));
    }

    [Fact]
    public void Too_little_rest()
    {
        // 18:00 to 08:00 is 14 hours; this contract wants 15.
        var employee = Problem().Employees[0] with { Contract = Problem().Employees[0].Contract with { MinRestMinutes = 900 } };
        AssertOnly("rest", Check(Problem(employee), Shift(Monday, startHour: 10), Shift(Tuesday)));
    }

    [Fact]
    public void Too_many_consecutive_days() =>
        Assert.Contains(Check(Problem(), Shift(Monday), Shift(Tuesday), Shift(Tuesday.AddDays(1))), v => v.Rule == "consecutive days");

    [Fact]
    public void Too_many_days_in_the_week()
    {
        var violations = Check(Problem(), Shift(Monday), Shift(Monday.AddDays(2)), Shift(Monday.AddDays(4)), Shift(Monday.AddDays(6)));
        Assert.Contains(violations, v => v.Rule == "days per week");
    }

    [Fact]
    public void Weekly_paid_time_above_the_maximum()
    {
        var employee = Problem().Employees[0] with { Contract = Problem().Employees[0].Contract with { MaxWeeklyPaidMinutes = 600 } };
        AssertOnly("weekly paid time", Check(Problem(employee), Shift(Monday), Shift(Monday.AddDays(3))));
    }

    [Fact]
    public void Weekly_paid_time_below_the_minimum()
    {
        var employee = Problem().Employees[0] with { Contract = Problem().Employees[0].Contract with { MinWeeklyPaidMinutes = 1200 } };
        AssertOnly("weekly paid time", Check(Problem(employee), Shift(Monday)));
    }

    [Fact]
    public void Missing_break()
    {
        var activities = new List<ActivitySegment> { new(At(Monday, 8), At(Monday, 16), ActivityKind.Phone, "") };
        AssertOnly("break", Check(Problem(), Shift(Monday, activities)));
    }

    [Fact]
    public void Break_outside_its_window()
    {
        var activities = new List<ActivitySegment>
        {
            new(At(Monday, 8), At(Monday, 9), ActivityKind.Phone, ""),
            new(At(Monday, 9), At(Monday, 9, 30), ActivityKind.Break, "lunch"),
            new(At(Monday, 9, 30), At(Monday, 16), ActivityKind.Phone, ""),
        };
        AssertOnly("break", Check(Problem(), Shift(Monday, activities)));
    }

    [Fact]
    public void Activity_without_the_skill()
    {
        var employee = Problem().Employees[0] with { Skills = [new SkillLevel("voice", 1)] };
        AssertOnly("skill", Check(Problem(employee), Shift(Monday)));
    }

    [Fact]
    public void Block_too_short_before_a_switch()
    {
        var activities = Day(Monday);
        activities[0] = activities[0] with { End = At(Monday, 8, 30) };
        activities[1] = activities[1] with { Start = At(Monday, 8, 30) };
        AssertOnly("activity block", Check(Problem(), Shift(Monday, activities)));
    }

    [Fact]
    public void Segments_that_leave_a_gap()
    {
        var activities = Day(Monday);
        activities.RemoveAt(1);
        AssertOnly("activities", Check(Problem(), Shift(Monday, activities)));
    }

    [Fact]
    public void Two_shifts_on_one_day()
    {
        var violations = Check(Problem(), Shift(Monday), Shift(Monday));
        Assert.Contains(violations, v => v.Rule == "one shift a day");
    }

    [Fact]
    public void Fixed_activity_not_placed()
    {
        var employee = Problem().Employees[0] with { FixedActivities = [new FixedActivity("training", At(Monday, 9), At(Monday, 10))] };
        AssertOnly("fixed activity", Check(Problem(employee), Shift(Monday)));
    }

    [Fact]
    public void Fixed_activity_placed_passes()
    {
        var employee = Problem().Employees[0] with { FixedActivities = [new FixedActivity("training", At(Monday, 8), At(Monday, 9))] };
        var activities = Day(Monday);
        activities[0] = activities[0] with { Start = At(Monday, 9) };
        activities.Insert(0, new ActivitySegment(At(Monday, 8), At(Monday, 9), ActivityKind.Fixed, "training"));
        Assert.Empty(Check(Problem(employee), Shift(Monday, activities)));
    }
}
