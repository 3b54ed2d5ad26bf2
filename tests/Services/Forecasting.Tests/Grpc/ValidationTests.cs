using System.Net;
using System.Net.Http.Json;
using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Forecasting.Tests.Support;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.TestKit;
using Google.Rpc;
using Grpc.Core;

namespace BackOfficeCloud.Forecasting.Tests.Grpc;

[Collection(ForecastingCollection.Name)]
public sealed class ValidationTests(ForecastingServiceFixture service)
{
    public static TheoryData<string, string> BadCreates => new()
    {
        { """{"queues":[],"days":7}""", "queues" },
        { """{"queues":["billing"],"days":7,"intervalMinutes":7}""", "interval_minutes" },
        { """{"queues":["billing"],"days":0}""", "days" },
        { """{"queues":["billing"],"days":7,"method":"magic"}""", "method" },
        { """{"queues":["billing"],"horizonEnd":"2026-02-10T00:00:00Z"}""", "horizon_start" },
        { """{"queues":["billing"],"horizonStart":"2026-02-10T00:00:00Z","horizonEnd":"2026-02-09T00:00:00Z"}""", "horizon_end" },
    };

    [Theory]
    [MemberData(nameof(BadCreates))]
    public async Task A_bad_CreateForecast_is_InvalidArgument_naming_the_field(string json, string field)
    {
        var client = service.Client(await service.NewApiKeyAsync(UniqueTenant.Next("val")));
        var request = Google.Protobuf.JsonParser.Default.Parse<CreateForecastRequest>(json);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CreateForecastAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == field);
    }

    [Fact]
    public async Task A_bad_adjustment_and_a_malformed_id_name_their_fields()
    {
        var client = service.Client(await service.NewApiKeyAsync(UniqueTenant.Next("val")));

        var adjust = await Assert.ThrowsAsync<RpcException>(() => client.AdjustForecastAsync(new AdjustForecastRequest { Queue = "billing", Percent = -150 }).ResponseAsync);
        var get = await Assert.ThrowsAsync<RpcException>(() => client.GetForecastAsync(new GetForecastRequest { ForecastId = "not-an-id" }).ResponseAsync);

        var fields = adjust.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["period_start", "period_end", "percent"], fields);
        Assert.Equal("forecast_id", Assert.Single(get.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task A_viewer_may_read_but_not_create_forecasts()
    {
        var client = service.Client(await service.NewApiKeyAsync(UniqueTenant.Next("val"), Roles.Viewer));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CreateForecastAsync(new CreateForecastRequest { Queues = { "billing" }, Days = 1 }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Empty((await client.ListForecastsAsync(new ListForecastsRequest())).Forecasts);
    }

    [Fact]
    public async Task Over_REST_a_bad_request_is_400_naming_the_field()
    {
        using var rest = service.Rest(await service.NewApiKeyAsync(UniqueTenant.Next("val")));

        using var response = await rest.PostAsJsonAsync("/v1/forecasts", new { queues = new[] { "billing" }, days = 500 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("days", await response.Content.ReadAsStringAsync());
    }
}
