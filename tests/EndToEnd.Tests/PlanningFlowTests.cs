using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.TestKit;
using Google.Protobuf.WellKnownTypes;
using ForecastJobState = BackOfficeCloud.Contracts.Forecasting.V1.JobState;

namespace BackOfficeCloud.EndToEnd.Tests;

/// <summary>
/// The product's whole planning loop through the running platform and its topics: roster and history into Ingestion,
/// a forecast from Forecasting's own aggregates, requirements and a schedule in Scheduling from the published
/// forecast, and the roster and backlog in Blending's live board.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PlanningFlowTests(PlatformFixture platform)
{
    private const string Zone = "Europe/Amsterdam";
    private const string Phone = "billing";
    private const string Claims = "claims";
    private const int Agents = 6;
    private const int BacklogItems = 20;

    [Fact]
    public async Task History_and_roster_become_a_forecast_requirements_a_schedule_and_the_live_board()
    {
        var key = await platform.NewApiKeyAsync(UniqueTenant.Next("flow"));
        using var ingestionChannel = platform.Grpc(ServiceNames.Ingestion, key);
        using var forecastingChannel = platform.Grpc(ServiceNames.Forecasting, key);
        using var schedulingChannel = platform.Grpc(ServiceNames.Scheduling, key);
        using var blendingChannel = platform.Grpc(ServiceNames.Blending, key);
        var ingestion = new IngestionService.IngestionServiceClient(ingestionChannel);
        var forecasting = new ForecastingService.ForecastingServiceClient(forecastingChannel);
        var scheduling = new SchedulingService.SchedulingServiceClient(schedulingChannel);
        var blending = new BlendingService.BlendingServiceClient(blendingChannel);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var roster = await ingestion.IngestRosterAsync(PlatformSteps.BlendedRoster(Zone, Phone, Claims, Agents));
        Assert.Equal(2 + Agents, roster.Accepted);
        var history = await ingestion.IngestInteractionsAsync(History(today));
        Assert.Equal(0, history.Rejected);
        var backlog = await ingestion.IngestWorkItemsAsync(Backlog(today));
        Assert.Equal(0, backlog.Rejected);

        var forecastJob = await PlatformSteps.EventuallyAsync(async () =>
        {
            var created = await forecasting.CreateForecastAsync(new CreateForecastRequest { Queues = { Phone }, Days = 2, IntervalMinutes = 30, Method = "seasonal_mean" });
            var job = await PlatformSteps.LastUpdateAsync(forecasting.WatchForecastJob(new GetForecastJobRequest { JobId = created.JobId }));
            // Forecasting builds its history from the ingestion events: until they are all applied the job may fail.
            return job?.State == ForecastJobState.Succeeded && job.ForecastIds.Count == 1 ? job : null;
        });
        var forecast = await forecasting.GetForecastAsync(new GetForecastRequest { ForecastId = forecastJob.ForecastIds[0] });
        Assert.Contains(forecast.Values, v => v.Volume > 1);

        var period = new ComputeRequirementsRequest
        {
            PeriodStart = forecast.HorizonStart,
            PeriodEnd = forecast.HorizonEnd,
            IntervalMinutes = 30,
        };
        var plan = await PlatformSteps.EventuallyAsync(async () =>
        {
            var computed = await scheduling.ComputeRequirementsAsync(period);
            return computed.Queues.Any(q => q.Queue == Phone && q.Intervals.Any(i => i.ImmediateAgents > 0)) ? computed : null;
        });
        Assert.True(plan.Comparison.BlendedPaidHours <= plan.Comparison.SiloPaidHours + 1e-6, $"blended {plan.Comparison.BlendedPaidHours} h > silo {plan.Comparison.SiloPaidHours} h");

        var scheduleJob = await scheduling.CreateScheduleJobAsync(new CreateScheduleJobRequest { PlanId = plan.PlanId, TimeLimitSeconds = 20 });
        var finished = await PlatformSteps.LastUpdateAsync(scheduling.WatchScheduleJob(new GetScheduleJobRequest { JobId = scheduleJob.JobId }));
        Assert.Equal("succeeded", finished?.State);
        var schedule = await scheduling.PublishScheduleAsync(new PublishScheduleRequest { ScheduleId = finished!.ScheduleId });
        Assert.Empty(schedule.Violations);
        Assert.NotNull(schedule.PublishedAt);
        Assert.NotEmpty(schedule.Shifts);

        // The schedule starts tomorrow, so the live board shows the roster's agents and the claims backlog as of now.
        var board = await PlatformSteps.EventuallyAsync(async () =>
        {
            var current = await blending.GetBoardAsync(new GetBoardRequest());
            return current.Agents.Count == Agents && current.Backlog.Sum(b => b.Items) == BacklogItems ? current : null;
        });
        Assert.All(board.Agents, a => Assert.StartsWith("agent-", a.AgentId, StringComparison.Ordinal));
    }

    // Three weeks of calls every day 08:00-18:00, busier in the late morning, so a seasonal mean has a shape to learn.
    private static IngestInteractionsRequest History(DateOnly today) =>
        new InteractionHistory(Zone, Phone, "call", Days: 21, Opens: new TimeOnly(8, 0), Slots: 20, CallsInSlot: slot => slot is >= 4 and < 8 ? 8 : 4, AnswerSeconds: 10, TalkSeconds: 240, WrapSeconds: 60)
            .Before(today);

    private static IngestWorkItemsRequest Backlog(DateOnly today)
    {
        var created = Timestamp.FromDateTime(today.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc));
        var request = new IngestWorkItemsRequest();
        request.WorkItems.Add(Enumerable.Range(1, BacklogItems).Select(i => new WorkItem
        {
            SourceId = $"claim-{i}",
            WorkType = Claims,
            Queue = Claims,
            CreatedAt = created,
            SlaBusinessHours = 48,
            EffortMinutes = 15,
            Priority = 1,
        }));
        return request;
    }
}
