using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Staffing.Deferrable;
using BackOfficeCloud.Planning.Staffing.Planning;
using BackOfficeCloud.Planning.Staffing.Queueing;
using BackOfficeCloud.Planning.Staffing.Shrinkage;
using static BackOfficeCloud.Planning.Staffing.Tests.Planning.PlanBuilder;

namespace BackOfficeCloud.Planning.Staffing.Tests.Planning;

/// <summary>Properties every plan must have, checked on random two-day, half-hourly plans.</summary>
public class PlanInvariantTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Blended_plan_is_bounded_no_dearer_than_the_silo_and_meets_every_deadline(int seed)
    {
        var request = RandomRequest(seed);
        var share = request.Shrinkage.ProductiveShare;

        var result = Plan(request);

        Assert.Equal(PlanStatus.Optimal, result.Status);
        Assert.True(result.Blended.LpBoundHours <= result.Blended.PaidHours + 1e-6);
        Assert.True(result.Blended.PaidHours <= result.Silo.PaidHours + 1e-6);
        Assert.InRange(result.Blended.Gap, 0, 0.2);
        Assert.Empty(result.Shortfalls);
        Assert.All(result.Intervals, i =>
        {
            Assert.True(i.ScheduledHeads * share >= i.ImmediateAgents - 1e-6);
            Assert.True(i.ScheduledHeads * share >= i.ProductiveAgents - 1e-6);
            Assert.All(i.WorkTypes, w => Assert.Equal(0, w.OverdueMinutes, 6));
        });

        foreach (var type in request.WorkTypes)
        {
            var planned = result.Intervals.Sum(i => i.WorkTypes.Single(w => w.WorkType == type.Name).PlannedMinutes);
            var received = (type.Arrivals.Sum() + type.Backlog.Sum(b => b.Count)) * type.HandleMinutes;
            Assert.InRange(planned, 0, received + 1e-6);
        }
    }

    [Fact]
    public void Options_that_cannot_solve_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RequirementsPlanner(RequirementsOptions.Default with { TimeLimit = TimeSpan.Zero }));

        Assert.Contains("Time limit", error.Message, StringComparison.Ordinal);
    }

    private static RequirementsRequest RandomRequest(int seed)
    {
        var random = new Random(seed);
        var horizon = Horizon(days: 2, intervalMinutes: 30);
        var intervals = horizon.Intervals();
        var queues = Enumerable.Range(0, 3).Select(q => new ImmediateQueue(
            $"queue-{q}",
            q == 1 ? QueueModelKind.ErlangA : QueueModelKind.ErlangC,
            new StaffingTarget(0.8, 20, MaxAbandonRate: q == 1 ? 0.05 : null),
            [.. intervals.Select(i => new IntervalForecast(Office.IsOpen(i) ? random.Next(0, 60) : 0, 120 + random.Next(0, 300)))],
            q == 1 ? 90 : null,
            q == 2 ? 2 : 1)).ToArray();
        var work = Enumerable.Range(0, 2).Select(k => new DeferrableWorkType(
            $"work-{k}",
            3 + random.Next(0, 20),
            Office,
            TimeSpan.FromHours(4 + (12 * k)),
            [.. intervals.Select(i => Office.IsOpen(i) ? (double)random.Next(0, 8) : 0)],
            [new BacklogItem($"old-{k}", At(16, day: -3), Count: random.Next(5, 40))])).ToArray();
        return new RequirementsRequest(
            horizon,
            Now,
            queues,
            work,
            new ShrinkageProfile([new ShrinkageFactor("breaks", 0.1, true), new ShrinkageFactor("absence", 0.05, false)]),
            new BlendingPolicy(random.NextDouble()));
    }
}
