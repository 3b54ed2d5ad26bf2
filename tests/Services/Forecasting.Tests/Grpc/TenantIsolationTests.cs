using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Forecasting.Tests.Support;
using BackOfficeCloud.TestKit;
using Grpc.Core;

namespace BackOfficeCloud.Forecasting.Tests.Grpc;

[Collection(ForecastingCollection.Name)]
public sealed class TenantIsolationTests(ForecastingServiceFixture service)
{
    [Fact]
    public async Task Another_tenant_sees_neither_the_forecast_nor_the_job_nor_the_adjustments()
    {
        var a = await SeededTenant.CreateAsync(service);
        var job = await a.Client.CreateForecastAsync(a.WeekAhead());
        var done = await a.RunAsync(a.WeekAhead());
        var forecastId = Assert.Single(done.ForecastIds);
        var b = service.Client(await service.NewApiKeyAsync(UniqueTenant.Next("other")));

        var forecast = await Assert.ThrowsAsync<RpcException>(() => b.GetForecastAsync(new GetForecastRequest { ForecastId = forecastId }).ResponseAsync);
        var jobLookup = await Assert.ThrowsAsync<RpcException>(() => b.GetForecastJobAsync(new GetForecastJobRequest { JobId = job.JobId }).ResponseAsync);
        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (forecast.StatusCode, jobLookup.StatusCode));
        Assert.Empty((await b.ListForecastsAsync(new ListForecastsRequest())).Forecasts);
        Assert.Empty((await b.ListAdjustmentsAsync(new ListAdjustmentsRequest())).Adjustments);
        Assert.NotEmpty((await a.Client.ListForecastsAsync(new ListForecastsRequest { Queue = a.Queue })).Forecasts);
    }
}
