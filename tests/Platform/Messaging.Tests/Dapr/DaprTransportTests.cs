using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Tests.Events;
using BackOfficeCloud.Messaging.Tests.Support;
using BackOfficeCloud.TestKit;
using BackOfficeCloud.TestKit.Services;

namespace BackOfficeCloud.Messaging.Tests.Dapr;

/// <summary>The Dapr transport by its contract: what daprd asks of the app, and what the app sends to daprd.</summary>
[Collection(PlatformCollection.Name)]
public class DaprTransportTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Subscribed = "ingestion.workitems";
    private const string Published = "analytics.counts";
    private StandInSidecar _sidecar = null!;
    private BusHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await StandInSidecar.StartAsync();
        var configuration = new Dictionary<string, string?>(postgres.ServiceConfiguration)
        {
            ["Messaging:Transport"] = "dapr",
            ["Messaging:DaprGrpcEndpoint"] = _sidecar.GrpcEndpoint,
        };
        _host = await BusHost.StartAsync("analytics", configuration, bus => bus
            .Publishes(Published)
            .Handles<WorkItemReceived, RecordingHandler>(Subscribed, TestEvents.WorkItemReceived));
        _http = new HttpClient { BaseAddress = _host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    [Fact]
    public async Task Dapr_subscribe_lists_a_route_per_topic_with_its_dead_letter_topic()
    {
        using var subscriptions = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/dapr/subscribe", UriKind.Relative)));

        var subscription = Assert.Single(subscriptions.RootElement.EnumerateArray());
        Assert.Equal("pubsub", Attribute(subscription, "pubsubname"));
        Assert.Equal(Subscribed, Attribute(subscription, "topic"));
        Assert.Equal($"events/{Subscribed}", Attribute(subscription, "route")); // the SDK lists routes without the leading slash
        Assert.Equal($"{Subscribed}.dlq", Attribute(subscription, "deadLetterTopic"));
        var bulk = subscription.EnumerateObject().Single(p => string.Equals(p.Name, "bulkSubscribe", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.True(bulk.EnumerateObject().Single(p => string.Equals(p.Name, "enabled", StringComparison.OrdinalIgnoreCase)).Value.GetBoolean());
    }

    [Fact]
    public async Task A_bulk_delivery_is_answered_per_entry_and_each_event_is_applied_once()
    {
        var tenant = UniqueTenant.Next();
        var bulk = AsDaprdPostsBulk(
            ("e-1", AsDaprdPostsIt(tenant, "item-1", note: "")),
            ("e-2", AsDaprdPostsIt(tenant, "item-bad", RecordingHandler.Poison)),
            ("e-3", AsDaprdPostsIt(tenant, "item-3", note: "")));

        var first = await DeliverBulkAsync(bulk);
        var redelivered = await DeliverBulkAsync(bulk);

        Assert.Equal([("e-1", "SUCCESS"), ("e-2", "DROP"), ("e-3", "SUCCESS")], first);
        Assert.Equal(first, redelivered);
        Assert.Equal(["item-1", "item-3"], await _host.AppliedItemsAsync(tenant));
    }

    [Fact]
    public async Task A_batch_from_the_outbox_reaches_the_sidecar_as_one_bulk_publish_of_structured_CloudEvents()
    {
        var tenant = UniqueTenant.Next();
        var key = $"{tenant}:workitems";

        await _host.EnqueueBatchAsync(tenant, key, TestEvents.Items(Published, tenant, 3));

        await Eventually.HoldsAsync(() => Task.FromResult(!_sidecar.BulkPublished.IsEmpty), TimeSpan.FromSeconds(30));

        var request = Assert.Single(_sidecar.BulkPublished);
        Assert.Equal("pubsub", request.PubsubName);
        Assert.Equal(Published, request.Topic);
        Assert.Equal(key, request.Metadata["partitionKey"]);
        Assert.All(request.Entries, e => Assert.Equal(CloudEvent.StructuredContentType, e.ContentType));
        var events = request.Entries.Select(e => CloudEventJson.Parse(e.Event.ToByteArray())).ToList();
        Assert.Equal(["item-0", "item-1", "item-2"], events.Select(e => ProtoJson.Parse<WorkItemReceived>(e.Data).ItemId));
        Assert.All(events, e => Assert.Equal(tenant, e.TenantId));
        Assert.Equal(3, events.Select(e => e.Id).Distinct().Count());
        Assert.Empty(_sidecar.Published);
    }

    [Fact]
    public async Task A_CloudEvent_posted_the_way_daprd_does_is_applied_once()
    {
        var tenant = UniqueTenant.Next();
        var cloudEvent = AsDaprdPostsIt(tenant, "item-1", note: "");

        var first = await DeliverAsync(cloudEvent);
        var redelivered = await DeliverAsync(cloudEvent);

        Assert.Equal("SUCCESS", first);
        Assert.Equal("SUCCESS", redelivered);
        Assert.Equal(["item-1"], await _host.AppliedItemsAsync(tenant));
    }

    [Fact]
    public async Task A_poison_event_is_dropped_so_daprd_sends_it_to_the_dead_letter_topic()
    {
        var tenant = UniqueTenant.Next();

        var outcome = await DeliverAsync(AsDaprdPostsIt(tenant, "item-bad", RecordingHandler.Poison));

        Assert.Equal("DROP", outcome);
        Assert.Empty(await _host.AppliedItemsAsync(tenant));
    }

    [Fact]
    public async Task An_event_from_the_outbox_reaches_the_sidecar_with_pubsub_topic_key_and_payload()
    {
        var tenant = UniqueTenant.Next();

        await _host.EnqueueAsync(tenant, [TestEvents.Item(Published, tenant, "item-42")]);

        await Eventually.HoldsAsync(() => Task.FromResult(!_sidecar.Published.IsEmpty), TimeSpan.FromSeconds(30));

        var request = Assert.Single(_sidecar.Published);
        Assert.Equal("pubsub", request.PubsubName);
        Assert.Equal(Published, request.Topic);
        Assert.Equal(CloudEvent.StructuredContentType, request.DataContentType);
        Assert.Equal($"{tenant}:item-42", request.Metadata["partitionKey"]);
        var envelope = CloudEventJson.Parse(request.Data.ToByteArray());
        Assert.Equal(tenant, envelope.TenantId);
        Assert.Equal("analytics", envelope.Source);
        Assert.Equal("item-42", ProtoJson.Parse<WorkItemReceived>(envelope.Data).ItemId);
    }

    // daprd reads the subscription list with Go's encoding/json, which matches field names regardless of case.
    private static string? Attribute(JsonElement subscription, string name) =>
        subscription.EnumerateObject().Single(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value.GetString();

    private static string AsDaprdPostsIt(string tenant, string itemId, string note) => $$"""
        {"data":{"itemId":"{{itemId}}","effortMinutes":5,"note":"{{note}}"},"datacontenttype":"application/json",
         "id":"{{Guid.NewGuid()}}","pubsubname":"pubsub","source":"ingestion","specversion":"1.0","tenantid":"{{tenant}}",
         "time":"2026-03-29T01:30:00Z","topic":"{{Subscribed}}","traceid":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
         "traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01","tracestate":"","type":"{{TestEvents.WorkItemReceived}}"}
        """;

    // daprd's bulk delivery to an HTTP app: application/json, each CloudEvent entry's event as the JSON object itself.
    private static string AsDaprdPostsBulk(params (string EntryId, string CloudEvent)[] entries) => new JsonObject
    {
        ["entries"] = new JsonArray([.. entries.Select(e => new JsonObject
        {
            ["entryId"] = e.EntryId,
            ["event"] = JsonNode.Parse(e.CloudEvent),
            ["contentType"] = CloudEvent.StructuredContentType,
            ["metadata"] = new JsonObject(),
        })]),
        ["id"] = Guid.NewGuid().ToString(),
        ["metadata"] = new JsonObject(),
        ["pubsubname"] = "pubsub",
        ["topic"] = Subscribed,
        ["type"] = "com.dapr.event.sent.bulk",
    }.ToJsonString();

    private async Task<List<(string EntryId, string? Status)>> DeliverBulkAsync(string bulk)
    {
        using var content = new StringContent(bulk, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri($"/events/{Subscribed}", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var statuses = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statuses");
        return [.. statuses.EnumerateArray().Select(s => (s.GetProperty("entryId").GetString()!, s.GetProperty("status").GetString()))];
    }

    private async Task<string?> DeliverAsync(string cloudEvent)
    {
        using var content = new StringContent(cloudEvent, Encoding.UTF8, CloudEvent.StructuredContentType);
        using var response = await _http.PostAsync(new Uri($"/events/{Subscribed}", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
    }
}
