using BackOfficeCloud.TestKit.Services;
using System.Net.Http.Json;
using System.Text.Json;
using BackOfficeCloud.Forecasting.Tests.Support;
using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Forecasting.Tests.Grpc;

[Collection(ForecastingCollection.Name)]
public sealed class RestTests(ForecastingServiceFixture service)
{
    [Fact]
    public async Task Create_poll_and_get_a_forecast_over_REST()
    {
        var seeded = await SeededTenant.CreateAsync(service);
        using var rest = service.Rest(seeded.ApiKey);
        var start = LocalTime.StartOfDay(CallHistory.Zone, CallHistory.ForecastDay);

        using var created = await rest.PostAsJsonAsync("/v1/forecasts", new { queues = new[] { seeded.Queue }, horizonStart = start, days = 2, intervalMinutes = 30 });
        created.EnsureSuccessStatusCode();
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();

        JsonElement job = default;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            job = await rest.GetFromJsonAsync<JsonElement>($"/v1/forecast-jobs/{jobId}");
            return job.GetProperty("state").GetString() is "JOB_STATE_SUCCEEDED" or "JOB_STATE_FAILED";
        }, TimeSpan.FromMinutes(2)));
        Assert.Equal("JOB_STATE_SUCCEEDED", job.GetProperty("state").GetString());
        var watched = await rest.GetStringAsync($"/v1/forecast-jobs/{jobId}:watch");
        Assert.Contains("JOB_STATE_SUCCEEDED", watched);

        var forecastId = job.GetProperty("forecastIds")[0].GetString();
        var forecast = await rest.GetFromJsonAsync<JsonElement>($"/v1/forecasts/{forecastId}");
        Assert.Equal(2 * 48, forecast.GetProperty("values").GetArrayLength());
        Assert.Equal(30, forecast.GetProperty("intervalMinutes").GetInt32());
        var tenOClock = forecast.GetProperty("values").EnumerateArray()
            .Single(v => v.GetProperty("start").GetDateTimeOffset() == start.AddHours(10));
        var mean = CallHistory.Mean(CallHistory.ForecastDay, 8) + CallHistory.Mean(CallHistory.ForecastDay, 9);
        Assert.InRange(tenOClock.GetProperty("volume").GetDouble(), 0.7 * mean, 1.3 * mean);
    }
}
