using BackOfficeCloud.Planning.Staffing.Deferrable;
using static BackOfficeCloud.Planning.Staffing.Tests.Planning.PlanBuilder;

namespace BackOfficeCloud.Planning.Staffing.Tests.Deferrable;

public class DeadlineReplayTests
{
    [Fact]
    public void Earliest_due_is_worked_first_and_late_lots_are_named()
    {
        // Backlog: A (60 min, due 11:00) and B (30 min, due 10:00). 40 minutes planned at 09:00 and at 10:00.
        var horizon = Horizon();
        var intervals = horizon.Intervals();
        var claims = Claims(horizon, new BacklogItem("A", At(9, day: -3), At(11), 6), new BacklogItem("B", At(9, day: -3), At(10), 3));
        var stream = WorkStreams.For(claims, Amsterdam, intervals, Now)[0];
        var planned = new double[24];
        planned[9] = 40;
        planned[10] = 40;
        planned[11] = 10;

        var shortfall = Assert.Single(DeadlineReplay.Shortfalls(stream, planned, intervals));

        // B is finished in the 09:00 interval; A gets 10 + 40 minutes by 11:00, so 10 minutes (1 item) are late.
        Assert.Equal("A", shortfall.Item);
        Assert.Equal(10, shortfall.LateWorkMinutes, 9);
        Assert.Equal(1, shortfall.LateItems, 9);
        Assert.Equal(At(12), shortfall.Completed);
    }

    [Fact]
    public void Trajectory_counts_backlog_and_overdue_minutes()
    {
        var horizon = Horizon();
        var claims = Claims(horizon, new BacklogItem("A", At(9, day: -3), At(11), 6));
        var stream = WorkStreams.For(claims, Amsterdam, horizon.Intervals(), Now)[0];
        var planned = new double[24];
        planned[9] = 30;
        planned[11] = 30;

        var (backlog, overdue) = stream.Trajectory(planned);

        Assert.Equal(60, backlog[0]);
        Assert.Equal(30, backlog[9]);
        Assert.Equal(30, overdue[10]);
        Assert.Equal(0, backlog[11]);
        Assert.Equal(0, overdue[11]);
    }
}
