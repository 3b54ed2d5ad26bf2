using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Forecasting.Tests.Support;
using BackOfficeCloud.Planning.Calendar;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Forecasting.Tests.Grpc;

[Collection(ForecastingCollection.Name)]
public sealed class AdjustmentTests(ForecastingServiceFixture service)
{
    [Fact]
    public async Task An_adjustment_applies_on_top_is_attributed_and_republished_and_removing_it_restores_the_forecast()
    {
        var seeded = await SeededTenant.CreateAsync(service);
        var forecastId = Assert.Single((await seeded.RunAsync(seeded.WeekAhead())).ForecastIds);
        var tuesday = CallHistory.ForecastDay.AddDays(1);
        var (start, end) = (LocalTime.StartOfDay(CallHistory.Zone, tuesday), LocalTime.StartOfDay(CallHistory.Zone, tuesday.AddDays(1)));

        var adjustment = await seeded.Client.AdjustForecastAsync(new AdjustForecastRequest
        {
            Queue = seeded.Queue,
            PeriodStart = Timestamp.FromDateTimeOffset(start),
            PeriodEnd = Timestamp.FromDateTimeOffset(end),
            Percent = 10,
            Note = "billing run",
        });
        Assert.Equal("api-key:" + SeededTenant.KeyName, adjustment.CreatedBy);

        var adjusted = await seeded.Client.GetForecastAsync(new GetForecastRequest { ForecastId = forecastId });
        Assert.Equal(adjustment.AdjustmentId, Assert.Single(adjusted.Adjustments).AdjustmentId);
        foreach (var v in adjusted.Values)
        {
            var inPeriod = v.Start.ToDateTimeOffset() >= start && v.Start.ToDateTimeOffset() < end;
            Assert.Equal(inPeriod ? 1.1 * v.UnadjustedVolume : v.UnadjustedVolume, v.Volume, 9);
        }

        var listed = await seeded.Client.ListAdjustmentsAsync(new ListAdjustmentsRequest { Queue = seeded.Queue });
        Assert.Equal(("billing run", 10.0), (Assert.Single(listed.Adjustments).Note, listed.Adjustments[0].Percent));

        var republished = await service.PublishedForecastAsync(seeded.Tenant, e => e.ForecastId == forecastId && e.Version == 2);
        Assert.NotNull(republished);
        Assert.Equal(adjusted.Values.Sum(v => v.Volume), republished.Intervals.Sum(i => i.Volume), 6);

        await seeded.Client.RemoveAdjustmentAsync(new RemoveAdjustmentRequest { AdjustmentId = adjustment.AdjustmentId });
        var restored = await seeded.Client.GetForecastAsync(new GetForecastRequest { ForecastId = forecastId });
        Assert.Empty(restored.Adjustments);
        Assert.All(restored.Values, v => Assert.Equal(v.UnadjustedVolume, v.Volume));
    }

    [Fact]
    public async Task An_absolute_adjustment_adds_its_total_to_the_period_spread_like_the_forecast()
    {
        var seeded = await SeededTenant.CreateAsync(service);
        var forecastId = Assert.Single((await seeded.RunAsync(seeded.WeekAhead())).ForecastIds);
        var wednesday = CallHistory.ForecastDay.AddDays(2);
        var (start, end) = (LocalTime.StartOfDay(CallHistory.Zone, wednesday), LocalTime.StartOfDay(CallHistory.Zone, wednesday.AddDays(1)));
        await seeded.Client.AdjustForecastAsync(new AdjustForecastRequest
        {
            Queue = seeded.Queue,
            PeriodStart = Timestamp.FromDateTimeOffset(start),
            PeriodEnd = Timestamp.FromDateTimeOffset(end),
            Absolute = 200,
        });

        var forecast = await seeded.Client.GetForecastAsync(new GetForecastRequest { ForecastId = forecastId });
        var day = forecast.Values.Where(v => v.Start.ToDateTimeOffset() >= start && v.Start.ToDateTimeOffset() < end).ToList();
        Assert.Equal(day.Sum(v => v.UnadjustedVolume) + 200, day.Sum(v => v.Volume), 6);
        Assert.All(day.Where(v => v.UnadjustedVolume == 0), v => Assert.Equal(0, v.Volume));
    }
}
