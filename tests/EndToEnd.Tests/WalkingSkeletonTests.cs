using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Analytics.V1;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.TestKit;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace BackOfficeCloud.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public class WalkingSkeletonTests(PlatformFixture platform)
{
    [Fact]
    public async Task Each_tenant_sees_its_own_count_after_ingesting_over_REST_and_gRPC()
    {
        var restTenant = UniqueTenant.Next("rest");
        var grpcTenant = UniqueTenant.Next("grpc");
        var restKey = await platform.NewApiKeyAsync(restTenant);
        var grpcKey = await platform.NewApiKeyAsync(grpcTenant);

        using var rest = platform.Rest(ServiceNames.Ingestion, restKey);
        using var response = await rest.PostAsJsonAsync("/v1/interactions:batch", new
        {
            interactions = Enumerable.Range(1, 3).Select(i => new { sourceId = $"call-{i}", channel = "CHANNEL_VOICE", queue = "billing", arrivedAt = "2026-11-20T09:00:00Z" }),
        });
        var restResult = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", restResult.GetProperty("accepted").ToString());

        using var channel = platform.Grpc(ServiceNames.Ingestion, grpcKey);
        var ingestion = new IngestionService.IngestionServiceClient(channel);
        var request = new IngestInteractionsRequest();
        request.Interactions.Add(Interactions("call-1", "call-2"));
        var grpcResult = await ingestion.IngestInteractionsAsync(request);
        Assert.Equal(2, grpcResult.Accepted);

        Assert.Equal(3, await EventuallyCountAsync(restKey, 3));
        Assert.Equal(2, await EventuallyCountAsync(grpcKey, 2));
    }

    [Fact]
    public async Task Sending_the_same_batch_again_changes_nothing_and_reports_duplicates()
    {
        var key = await platform.NewApiKeyAsync(UniqueTenant.Next());
        using var channel = platform.Grpc(ServiceNames.Ingestion, key);
        var ingestion = new IngestionService.IngestionServiceClient(channel);
        var request = new IngestInteractionsRequest();
        request.Interactions.Add(Interactions("a", "b"));

        await ingestion.IngestInteractionsAsync(request);
        var again = await ingestion.IngestInteractionsAsync(request);

        Assert.Equal((0, 2), (again.Accepted, again.Duplicates));
        Assert.Equal(2, await EventuallyCountAsync(key, 2));
    }

    [Fact]
    public async Task A_bad_row_is_reported_by_row_and_field_and_the_good_rows_are_kept()
    {
        var key = await platform.NewApiKeyAsync(UniqueTenant.Next());
        using var channel = platform.Grpc(ServiceNames.Ingestion, key);
        var request = new IngestInteractionsRequest();
        request.Interactions.Add(Interactions("good"));
        request.Interactions.Add(new Interaction { SourceId = "bad", Channel = Channel.Chat, Queue = "", ArrivedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2026-11-20T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture)) });

        var result = await new IngestionService.IngestionServiceClient(channel).IngestInteractionsAsync(request);

        Assert.Equal((1, 1), (result.Accepted, result.Rejected));
        var error = Assert.Single(result.Errors);
        Assert.Equal((1L, "queue"), (error.Row, error.Field));
        Assert.Equal(1, await EventuallyCountAsync(key, 1));
    }

    [Fact]
    public async Task Invalid_arguments_are_problem_details_over_REST_and_InvalidArgument_over_gRPC()
    {
        var key = await platform.NewApiKeyAsync(UniqueTenant.Next());
        using var rest = platform.Rest(ServiceNames.Scheduling, key);
        using var response = await rest.PostAsJsonAsync("/v1/staffing:erlang", new { volume = -5, intervalMinutes = 30, ahtSeconds = 180, targetServiceLevel = 0.8, targetSeconds = 20 });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("volume", problem.GetProperty("errors")[0].GetProperty("field").GetString());

        using var channel = platform.Grpc(ServiceNames.Scheduling, key);
        var ex = await Assert.ThrowsAsync<RpcException>(() => new SchedulingService.SchedulingServiceClient(channel)
            .ComputeErlangAsync(new ErlangRequest { Volume = -5, IntervalMinutes = 30, AhtSeconds = 180, TargetServiceLevel = 0.8, TargetSeconds = 20 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task Calls_without_a_valid_key_are_refused()
    {
        using var rest = platform.Rest(ServiceNames.Analytics, "bok_not_a_key");
        using var response = await rest.GetAsync("/v1/analytics/interaction-count");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Every_service_is_ready_and_serves_metrics()
    {
        using var http = new HttpClient();
        foreach (var service in platform.Platform.Options.Services)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(service.HttpUrl, "/health/ready"))).StatusCode);
            var metrics = await http.GetStringAsync(new Uri(service.HttpUrl, "/metrics"));
            Assert.Contains($"service=\"{service.Name}\"", metrics, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<Interaction> Interactions(params string[] sourceIds) => sourceIds.Select(id => new Interaction
    {
        SourceId = id,
        Channel = Channel.Voice,
        Queue = "billing",
        ArrivedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)),
    });

    /// <summary>The tenant's count in Analytics once it reaches <paramref name="expected"/> (events arrive asynchronously), or the last count after 30 s.</summary>
    private async Task<long> EventuallyCountAsync(string apiKey, long expected)
    {
        using var channel = platform.Grpc(ServiceNames.Analytics, apiKey);
        var analytics = new AnalyticsService.AnalyticsServiceClient(channel);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long count;
        do
        {
            count = (await analytics.GetInteractionCountAsync(new GetInteractionCountRequest())).Count;
            if (count == expected)
            {
                return count;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        return count;
    }
}
