using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Forecasting.Tests.Support;
using BackOfficeCloud.Planning.Calendar;
using Grpc.Core;

namespace BackOfficeCloud.Forecasting.Tests.Grpc;

[Collection(ForecastingCollection.Name)]
public sealed class ForecastJobTests(ForecastingServiceFixture service)
{
    [Fact]
    public async Task A_forecast_job_streams_its_progress_and_stores_a_forecast_close_to_the_known_means()
    {
        var seeded = await SeededTenant.CreateAsync(service);
        var job = await seeded.Client.CreateForecastAsync(seeded.WeekAhead());
        var updates = new List<ForecastJob>();
        using (var watch = seeded.Client.WatchForecastJob(new GetForecastJobRequest { JobId = job.JobId }, deadline: DateTime.UtcNow.AddMinutes(2)))
        {
            await foreach (var update in watch.ResponseStream.ReadAllAsync())
            {
                updates.Add(update);
            }
        }

        var done = updates[^1];
        Assert.True(done.State == JobState.Succeeded, done.Error);
        Assert.Equal((1, 1, "done"), (done.SeriesDone, done.SeriesTotal, done.Phase));
        Assert.Equal("api-key:" + SeededTenant.KeyName, done.CreatedBy);
        Assert.Contains(updates, u => u.State is JobState.Queued or JobState.Running && u.SeriesTotal == 1);
        var forecastId = Assert.Single(done.ForecastIds);

        var forecast = await seeded.Client.GetForecastAsync(new GetForecastRequest { ForecastId = forecastId });
        Assert.Equal((seeded.Queue, 15, CallHistory.TimeZone, "ok"), (forecast.Queue, forecast.IntervalMinutes, forecast.TimeZone, forecast.Status));
        Assert.Equal(7 * 96, forecast.Values.Count);
        Assert.NotEmpty(forecast.Method);
        Assert.Contains(forecast.Scores, s => s.Method == "seasonal_naive");
        Assert.All(forecast.Scores, s => Assert.InRange(s.Wape, 0, 0.5));

        // Open weekday intervals are near their known mean (a week of Poisson noise averaged over 8 weeks of history);
        // nights and weekends are closed.
        foreach (var v in forecast.Values)
        {
            var local = LocalTime.ToLocal(CallHistory.Zone, v.Start.ToDateTimeOffset());
            var slot = ((local.Hour * 60) + local.Minute - 480) / 15;
            var mean = slot is >= 0 and < CallHistory.OpenSlots ? CallHistory.Mean(DateOnly.FromDateTime(local), slot) : 0;
            if (mean == 0)
            {
                Assert.Equal(0, v.Volume);
                continue;
            }

            Assert.InRange(v.Volume, 0.7 * mean, 1.3 * mean);
            Assert.InRange(v.Volume, v.Lo80, v.Hi80);
            Assert.InRange(v.HandleSeconds, CallHistory.HandleSeconds - 1, CallHistory.HandleSeconds + 1);
        }

        var published = await service.PublishedForecastAsync(seeded.Tenant, e => e.ForecastId == forecastId);
        Assert.NotNull(published);
        Assert.Equal((seeded.Queue, "contacts", "create", 1, forecast.Values.Count), (published.Queue, published.Kind, published.Trigger, published.Version, published.Intervals.Count));
        Assert.Equal(forecast.Values.Sum(v => v.Volume), published.Intervals.Sum(i => i.Volume), 6);
    }

    [Fact]
    public async Task Backtest_scores_every_method_and_says_what_auto_picks()
    {
        var seeded = await SeededTenant.CreateAsync(service);
        var result = await seeded.Client.BacktestAsync(new BacktestRequest
        {
            Queue = seeded.Queue,
            HorizonDays = 7,
            Folds = 2,
            HistoryEnd = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(LocalTime.StartOfDay(CallHistory.Zone, CallHistory.ForecastDay)),
        });

        Assert.Contains(result.Scores, s => s.Method == "auto");
        Assert.Contains(result.Scores, s => s.Method == "holt_winters");
        Assert.NotEmpty(result.AutoPick);
        Assert.Equal(2, result.Folds.Count);
        var naive = result.Scores.Single(s => s.Method == "seasonal_naive");
        var mean = result.Scores.Single(s => s.Method == "seasonal_mean");
        Assert.True(mean.Wape < naive.Wape, $"seasonal mean {mean.Wape} should beat seasonal naive {naive.Wape} on stationary Poisson data");
    }

    [Fact]
    public async Task A_job_for_a_queue_without_history_fails_naming_the_queue()
    {
        var seeded = await SeededTenant.CreateAsync(service);
        var request = seeded.WeekAhead();
        request.Queues.Add("nobody-calls-here");
        var done = await seeded.RunAsync(request);

        Assert.Equal(JobState.Failed, done.State);
        Assert.Contains("nobody-calls-here", done.Error);
        Assert.Single(done.ForecastIds);
    }
}
