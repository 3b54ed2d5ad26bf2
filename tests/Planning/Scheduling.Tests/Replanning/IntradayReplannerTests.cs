using BackOfficeCloud.Planning.Scheduling.Checking;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Planning.Scheduling.Replanning;
using static BackOfficeCloud.Planning.Scheduling.Tests.Problems;

namespace BackOfficeCloud.Planning.Scheduling.Tests.Replanning;

public class IntradayReplannerTests
{
    private static readonly BreakRule Lunch = new("lunch", 30, 180, 300, 480, Paid: true);

    private static ActivitySegment Segment(double from, double to, ActivityKind kind, string name = "") =>
        new(At(Monday, (int)from, (int)(from % 1 * 60)), At(Monday, (int)to, (int)(to % 1 * 60)), kind, name);

    [Fact]
    public void An_absence_sends_the_colleagues_back_office_block_to_the_phones()
    {
        // Two agents needed 08-17; b falls ill at 09:00. Missing agent-hours: 8 for b, 2 for a's claims block,
        // 0.5 for a's lunch, 1 after a's shift = 11.5. The block goes back to the phones (9.5), and an hour of
        // overtime for a is proposed (100 of missing-agent cost against 10 of pay).
        var problem = OneDay(
            [Employee("a", Contract(maxShift: 540), "voice", "claims"), Employee("b", Contract(), "voice")],
            [new ImmediateQueue("voice", 100, Demand(48, 30, (8, 17, 2)))],
            [new DeferrableWork("claims", "claims", [])],
            lengths: [480, 540],
            breaks: [Lunch]);
        var published = new Schedule(
        [
            new ScheduledShift("a", At(Monday, 8), At(Monday, 16), [Segment(8, 10, ActivityKind.Phone), Segment(10, 12, ActivityKind.BackOffice, "claims"), Segment(12, 12.5, ActivityKind.Break, "lunch"), Segment(12.5, 16, ActivityKind.Phone)]),
            new ScheduledShift("b", At(Monday, 8), At(Monday, 16), [Segment(8, 11, ActivityKind.Phone), Segment(11, 11.5, ActivityKind.Break, "lunch"), Segment(11.5, 16, ActivityKind.Phone)]),
        ]);

        var result = new IntradayReplanner().Replan(problem, published, new ReplanRequest(At(Monday, 9), [new Absence("b", At(Monday, 9), At(Monday, 17))]));

        Assert.Contains(result.Changes, c => c is { EmployeeId: "b", Kind: ChangeKind.Absent });
        Assert.Contains(result.Changes, c => c.EmployeeId == "a" && c.Kind == ChangeKind.BackOfficeToPhone && c.Start == At(Monday, 10) && c.End == At(Monday, 12));
        Assert.Equal(11.5, result.MissingAgentHoursBefore, 6);
        Assert.Equal(9.5, result.MissingAgentHoursAfter, 6);
        Assert.Contains(result.Changes, c => c is { EmployeeId: "a", Kind: ChangeKind.Overtime });
        var a = result.Schedule.Shifts.Single(s => s.EmployeeId == "a");
        Assert.Empty(new ScheduleChecker().Check(problem with { Employees = [problem.Employees[0]] }, new Schedule([a])));
    }

    [Fact]
    public void A_break_moves_into_the_quiet_half_hour_and_nothing_else_changes()
    {
        var problem = OneDay(
            [Employee("a", Contract(), "voice")],
            [new ImmediateQueue("voice", 100, Demand(48, 30, (8, 12.5, 1), (13, 16, 1)))],
            breaks: [Lunch]);
        var published = new Schedule(
        [
            new ScheduledShift("a", At(Monday, 8), At(Monday, 16), [Segment(8, 11, ActivityKind.Phone), Segment(11, 11.5, ActivityKind.Break, "lunch"), Segment(11.5, 16, ActivityKind.Phone)]),
        ]);

        var result = new IntradayReplanner().Replan(problem, published, new ReplanRequest(At(Monday, 8), []));

        var change = Assert.Single(result.Changes);
        Assert.Equal((ChangeKind.BreakMoved, At(Monday, 12, 30)), (change.Kind, change.Start));
        Assert.Equal(0.5, result.MissingAgentHoursBefore, 6);
        Assert.Equal(0, result.MissingAgentHoursAfter, 6);
        Assert.Empty(new ScheduleChecker().Check(problem, result.Schedule));
    }
}
