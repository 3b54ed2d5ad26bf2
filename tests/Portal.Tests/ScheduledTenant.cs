using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.EndToEnd.Tests;
using BackOfficeCloud.TestKit;
using ForecastJobState = BackOfficeCloud.Contracts.Forecasting.V1.JobState;

namespace BackOfficeCloud.Portal.Tests;

/// <summary>
/// Gives a tenant a schedule through the running platform, as a planner would: a roster (a voice queue and a claims
/// work type, five blended agents), two weeks of call history, a forecast from it, requirements and a schedule job.
/// </summary>
public static class ScheduledTenant
{
    private const string Zone = "Europe/Amsterdam";
    private const string Phone = "voice";
    private const string Claims = "claims";
    private const int Agents = 5;

    /// <summary>The schedule's id, once Scheduling has it.</summary>
    public static async Task<string> CreateAsync(PlatformFixture platform, string tenant)
    {
        var key = await platform.NewApiKeyAsync(tenant);
        using var ingestionChannel = platform.Grpc(ServiceNames.Ingestion, key);
        using var forecastingChannel = platform.Grpc(ServiceNames.Forecasting, key);
        using var schedulingChannel = platform.Grpc(ServiceNames.Scheduling, key);
        var ingestion = new IngestionService.IngestionServiceClient(ingestionChannel);
        var forecasting = new ForecastingService.ForecastingServiceClient(forecastingChannel);
        var scheduling = new SchedulingService.SchedulingServiceClient(schedulingChannel);

        await ingestion.IngestRosterAsync(PlatformSteps.BlendedRoster(Zone, Phone, Claims, Agents));
        await ingestion.IngestInteractionsAsync(History(DateOnly.FromDateTime(DateTime.UtcNow)));
        var forecast = await PlatformSteps.EventuallyAsync(async () =>
        {
            var created = await forecasting.CreateForecastAsync(new CreateForecastRequest { Queues = { Phone }, Days = 1, IntervalMinutes = 30, Method = "seasonal_mean" });
            var job = await PlatformSteps.LastUpdateAsync(forecasting.WatchForecastJob(new GetForecastJobRequest { JobId = created.JobId }));
            return job?.State == ForecastJobState.Succeeded && job.ForecastIds.Count == 1
                ? await forecasting.GetForecastAsync(new GetForecastRequest { ForecastId = job.ForecastIds[0] })
                : null;
        });
        var period = new ComputeRequirementsRequest { PeriodStart = forecast.HorizonStart, PeriodEnd = forecast.HorizonEnd, IntervalMinutes = 30 };
        var plan = await PlatformSteps.EventuallyAsync(async () =>
        {
            var computed = await scheduling.ComputeRequirementsAsync(period);
            return computed.Queues.Any(q => q.Queue == Phone && q.Intervals.Any(i => i.ImmediateAgents > 0)) ? computed : null;
        });
        var scheduleJob = await scheduling.CreateScheduleJobAsync(new CreateScheduleJobRequest { PlanId = plan.PlanId, TimeLimitSeconds = 10 });
        var done = await PlatformSteps.LastUpdateAsync(scheduling.WatchScheduleJob(new GetScheduleJobRequest { JobId = scheduleJob.JobId }));
        Assert.Equal("succeeded", done?.State);
        return done!.ScheduleId;
    }

    /// <summary>Two weeks of calls 09:00–17:00 of 300 s: 6 per half hour, 10 in the half hours of 12:00–13:00.</summary>
    private static IngestInteractionsRequest History(DateOnly today) =>
        new InteractionHistory(Zone, Phone, "whatif", Days: 14, Opens: new TimeOnly(9, 0), Slots: 16, CallsInSlot: slot => slot is 6 or 7 ? 10 : 6, AnswerSeconds: 15, TalkSeconds: 250, WrapSeconds: 50)
            .Before(today);
}
