using BackOfficeCloud.TestKit.Services;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Forecasting.Jobs;
using BackOfficeCloud.Forecasting.Tests.Support;
using BackOfficeCloud.Planning.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace BackOfficeCloud.Forecasting.Tests.Jobs;

[Collection(ForecastingCollection.Name)]
public sealed class ReforecastTests(ForecastingServiceFixture service)
{
    [Fact]
    public async Task Nightly_reforecasts_from_todays_midnight_and_intraday_rescales_the_rest_of_today_from_its_actuals()
    {
        var day = CallHistory.ForecastDay;
        var scheduler = service.Services.GetRequiredService<ReforecastScheduler>();
        try
        {
            // a planner forecasts the week on Sunday afternoon
            service.Clock.Now = LocalTime.ToUtc(CallHistory.Zone, day.AddDays(-1).ToDateTime(new TimeOnly(15, 0)));
            var seeded = await SeededTenant.CreateAsync(service);
            var created = await seeded.RunAsync(seeded.WeekAhead());
            Assert.Equal(JobState.Succeeded, created.State);

            // 01:59 Monday: nothing is due yet; 02:00: the nightly reforecast
            service.Clock.Now = LocalTime.ToUtc(CallHistory.Zone, day.ToDateTime(new TimeOnly(1, 59)));
            Assert.DoesNotContain(await scheduler.RunDueAsync(CancellationToken.None), s => s.TenantId == seeded.Tenant);
            service.Clock.Now = LocalTime.ToUtc(CallHistory.Zone, day.ToDateTime(new TimeOnly(2, 0)));
            var nightly = Assert.Single(await scheduler.RunDueAsync(CancellationToken.None), s => s.TenantId == seeded.Tenant);
            Assert.Equal(ReforecastScheduler.NightlyTrigger, nightly.Trigger);
            var nightlyForecast = await ForecastOfJobAsync(seeded, nightly.JobId);
            Assert.Equal(LocalTime.StartOfDay(CallHistory.Zone, day), nightlyForecast.HorizonStart.ToDateTimeOffset());
            Assert.Equal(7 * 96, nightlyForecast.Values.Count);
            Assert.Empty(await scheduler.RunDueAsync(CancellationToken.None));

            // Monday morning runs 50% above the forecast: at 10:00 the intraday reforecast raises the rest of the day
            var events = CallHistory.Events(seeded.Tenant, seeded.Queue, day, day.AddDays(1), scale: 1.5, seed: 7)
                .Where(e => e.Payload is not IntervalStatisticIngested s || s.IntervalStart.ToDateTimeOffset() < CallHistory.SlotStart(day, 8))
                .ToList();
            await service.PublishAsync(seeded.Tenant, events);
            await service.WaitForAppliedAsync(seeded.Tenant, CallHistory.Events(seeded.Tenant, seeded.Queue).Count + events.Count);
            service.Clock.Now = CallHistory.SlotStart(day, 8);
            var intraday = Assert.Single(await scheduler.RunDueAsync(CancellationToken.None), s => s.TenantId == seeded.Tenant);
            Assert.Equal(ReforecastScheduler.IntradayTrigger, intraday.Trigger);
            var intradayForecast = await ForecastOfJobAsync(seeded, intraday.JobId);
            Assert.Equal(CallHistory.SlotStart(day, 9), intradayForecast.HorizonStart.ToDateTimeOffset());
            Assert.Equal(LocalTime.StartOfDay(CallHistory.Zone, day.AddDays(1)), intradayForecast.HorizonEnd.ToDateTimeOffset());

            var noon = CallHistory.SlotStart(day, 16);
            var before = nightlyForecast.Values.Single(v => v.Start.ToDateTimeOffset() == noon).Volume;
            var after = intradayForecast.Values.Single(v => v.Start.ToDateTimeOffset() == noon).Volume;
            Assert.InRange(after / before, 1.2, 1.6);
        }
        finally
        {
            service.Clock.Now = null;
        }
    }

    private static async Task<Forecast> ForecastOfJobAsync(SeededTenant seeded, Guid jobId)
    {
        ForecastJob job = new();
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            job = await seeded.Client.GetForecastJobAsync(new GetForecastJobRequest { JobId = jobId.ToString() });
            return job.State is JobState.Succeeded or JobState.Failed;
        }, TimeSpan.FromMinutes(2)));
        Assert.True(job.State == JobState.Succeeded, job.Error);
        return await seeded.Client.GetForecastAsync(new GetForecastRequest { ForecastId = Assert.Single(job.ForecastIds) });
    }
}
