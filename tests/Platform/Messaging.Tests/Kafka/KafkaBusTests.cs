using System.Text;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Kafka;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Messaging.Tests.Events;
using BackOfficeCloud.Messaging.Tests.Support;
using BackOfficeCloud.TestKit;
using Confluent.Kafka;

namespace BackOfficeCloud.Messaging.Tests.Kafka;

/// <summary>Services publishing through their outbox and consuming through Kafka (the dev broker), as deployed.</summary>
[Collection(PlatformCollection.Name)]
public class KafkaBusTests(PostgresFixture postgres, KafkaFixture kafka)
{
    private readonly string _topic = TestEvents.NewTopic();

    private Dictionary<string, string?> Configuration => new(postgres.ServiceConfiguration.Concat(kafka.ServiceConfiguration));

    [Fact]
    public async Task Each_consumer_group_gets_every_event()
    {
        kafka.CreateTopics(_topic);
        var tenant = UniqueTenant.Next();
        await using var analytics = await ConsumerAsync("analytics");
        await using var forecasting = await ConsumerAsync("forecasting");
        await using var ingestion = await PublisherAsync();

        await ingestion.EnqueueAsync(tenant, TestEvents.Items(_topic, tenant, 60));

        var expected = TestEvents.Items(_topic, tenant, 60).Select(e => e.EntityId).Order(StringComparer.Ordinal);
        Assert.Equal(expected, await analytics.WaitForAppliedAsync(tenant, 60));
        Assert.Equal(expected, await forecasting.WaitForAppliedAsync(tenant, 60));
    }

    [Fact]
    public async Task A_handler_that_keeps_throwing_sends_its_event_to_the_dlq_and_later_events_still_flow()
    {
        kafka.CreateTopics(_topic);
        var tenant = UniqueTenant.Next();
        await using var analytics = await ConsumerAsync("analytics");
        await using var ingestion = await PublisherAsync();

        await ingestion.EnqueueAsync(tenant, [.. TestEvents.Items(_topic, tenant, 5, "before"), TestEvents.Item(_topic, tenant, "bad", RecordingHandler.Poison), .. TestEvents.Items(_topic, tenant, 5, "after")]);

        var applied = await analytics.WaitForAppliedAsync(tenant, 10);
        var deadLetter = ConsumeOne(KafkaDeadLetters.TopicFor(_topic));
        Assert.Equal(10, applied.Count);
        Assert.DoesNotContain("bad", applied);
        Assert.Contains("after-4", applied);
        Assert.NotNull(deadLetter);
        Assert.Equal("bad", ProtoJson.Parse<WorkItemReceived>(CloudEventJson.Parse(deadLetter.Message.Value).Data).ItemId);
        Assert.Contains("is poison", Encoding.UTF8.GetString(deadLetter.Message.Headers.GetLastBytes(KafkaDeadLetters.ErrorHeader)), StringComparison.Ordinal);
        Assert.StartsWith("analytics-", Encoding.UTF8.GetString(deadLetter.Message.Headers.GetLastBytes(KafkaDeadLetters.ConsumerGroupHeader)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_entitys_events_are_applied_in_order_while_a_batchs_partitions_are_applied_side_by_side()
    {
        kafka.CreateTopics(_topic);
        var tenant = UniqueTenant.Next();
        // Small consumer batches: an entity's events span many of them, each dealt over two lanes applied at once.
        var configuration = new Dictionary<string, string?>(Configuration) { ["Messaging:ConsumerBatchSize"] = "40", ["Messaging:ConsumerLanes"] = "2" };
        await using var analytics = await BusHost.StartAsync(
            $"analytics-{_topic[6..]}", configuration, bus => bus.Handles<WorkItemReceived, RecordingHandler>(_topic, TestEvents.WorkItemReceived));
        await using var ingestion = await PublisherAsync();
        var events = Enumerable.Range(0, 30).SelectMany(i => Enumerable.Range(0, 8).Select(entity => new OutgoingEvent(
            _topic, TestEvents.WorkItemReceived, tenant, $"entity-{entity}", new WorkItemReceived { ItemId = $"{entity}:{i:D2}" }))).ToList();

        await ingestion.EnqueueAsync(tenant, events);

        await analytics.WaitForAppliedAsync(tenant, events.Count);
        var applied = await analytics.AppliedItemsInOrderAsync(tenant);
        Assert.Equal(events.Count, applied.Count);
        Assert.All(applied.GroupBy(item => item.Split(':')[0]), entity => Assert.Equal(entity.Order(StringComparer.Ordinal), entity));
    }

    [Fact]
    public async Task A_broker_taken_down_and_brought_back_loses_no_event()
    {
        kafka.CreateTopics(_topic);
        var tenant = UniqueTenant.Next();
        await using var analytics = await ConsumerAsync("analytics");
        await using var ingestion = await PublisherAsync();
        await ingestion.EnqueueAsync(tenant, TestEvents.Items(_topic, tenant, 30, "first"));
        await analytics.WaitForAppliedAsync(tenant, 30);

        kafka.Broker.SetBrokerDown(1);
        try
        {
            await ingestion.EnqueueAsync(tenant, TestEvents.Items(_topic, tenant, 30, "second"));
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        finally
        {
            kafka.Broker.SetBrokerUp(1);
        }

        var applied = await analytics.WaitForAppliedAsync(tenant, 60);
        Assert.Equal(60, applied.Count);
        Assert.Equal(60, applied.Distinct().Count());
    }

    [Fact]
    public async Task Events_left_in_the_outbox_are_published_when_the_relay_starts_again()
    {
        kafka.CreateTopics(_topic);
        var tenant = UniqueTenant.Next();
        string schema;
        await using (var first = await PublisherAsync())
        {
            schema = first.Schema;
        }

        await using var restarted = BusHost.Build("ingestion", Configuration, bus => bus.Publishes(_topic), schema: schema);
        await restarted.EnqueueAsync(tenant, TestEvents.Items(_topic, tenant, 25));
        Assert.Equal(25L, (await restarted.OutboxCountsAsync()).Events);

        await using var analytics = await ConsumerAsync("analytics");
        await restarted.StartAsync();

        Assert.Equal(25, (await analytics.WaitForAppliedAsync(tenant, 25)).Count);
        Assert.Equal(0L, (await restarted.OutboxCountsAsync()).Events);
    }

    // A consumer group of its own per test, as every test has its own topic.
    private Task<BusHost> ConsumerAsync(string appId) =>
        BusHost.StartAsync($"{appId}-{_topic[6..]}", Configuration, bus => bus.Handles<WorkItemReceived, RecordingHandler>(_topic, TestEvents.WorkItemReceived));

    private Task<BusHost> PublisherAsync() => BusHost.StartAsync("ingestion", Configuration, bus => bus.Publishes(_topic));

    private ConsumeResult<byte[]?, byte[]>? ConsumeOne(string topic) => TopicMessages.Read(kafka.Broker.BootstrapServers, topic, 1).FirstOrDefault();
}
