using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Backlog;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Backlog;

public class BacklogProjectorTests
{
    private static readonly IReadOnlyList<PlanningInterval> Hours = IntervalGrid.Build(TimeZoneInfo.Utc, new DateOnly(2025, 3, 3), 1, 60);

    [Fact]
    public void Backlog_is_open_work_plus_arrivals_less_capacity()
    {
        // 10 items × 6 min = 60 min open; arrivals 5, 20, 0 items (30, 120, 0 min); capacity 45, 45, 200 min.
        WorkInterval[] intervals = [new(Hours[8], 5, 45), new(Hours[9], 20, 45), new(Hours[10], 0, 200)];

        var points = new BacklogProjector().Project(new BacklogRequest(10, 6, intervals));

        Assert.Equal([45.0, 120.0, 0.0], points.Select(p => p.BacklogMinutes));
        Assert.Equal([7.5, 20.0, 0.0], points.Select(p => p.BacklogItems));
        Assert.Equal([7.5, 7.5, 20.0], points.Select(p => p.WorkedItems));
        Assert.Equal([0.0, 0.0, 80.0], points.Select(p => p.IdleMinutes));
    }

    [Fact]
    public void Negative_capacity_is_rejected_naming_the_interval()
    {
        var error = Assert.Throws<ArgumentException>(() => new BacklogProjector().Project(new BacklogRequest(0, 5, [new(Hours[8], 1, 10), new(Hours[9], 1, -1)])));
        Assert.Contains("Intervals[1].CapacityMinutes is -1", error.Message, StringComparison.Ordinal);
    }
}
