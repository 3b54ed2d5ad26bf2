using System.Text;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Kafka;
using BackOfficeCloud.Messaging.Tests.Events;
using BackOfficeCloud.Messaging.Tests.Support;
using BackOfficeCloud.TestKit;
using Confluent.Kafka;

namespace BackOfficeCloud.Messaging.Tests.Kafka;

/// <summary>CloudEvents batches (EnqueueBatchAsync) through the outbox and Kafka (the dev broker) to a batch handler.</summary>
[Collection(PlatformCollection.Name)]
public class KafkaBatchTests(PostgresFixture postgres, KafkaFixture kafka)
{
    private readonly string _topic = TestEvents.NewTopic();

    private Dictionary<string, string?> Configuration => new(postgres.ServiceConfiguration.Concat(kafka.ServiceConfiguration))
    {
        ["Messaging:BatchMaxEvents"] = "1000",
        // the event limit decides these batches' sizes, not the bytes
        ["Messaging:BatchMaxBytes"] = "1048576",
    };

    [Fact]
    public async Task A_batch_is_one_message_per_thousand_events_and_every_event_is_applied_once_with_its_own_id()
    {
        kafka.CreateTopics(_topic);
        var tenant = UniqueTenant.Next();
        var key = $"{tenant}:workitems";
        await using var analytics = await ConsumerAsync("analytics");
        await using var ingestion = await PublisherAsync();

        await ingestion.EnqueueBatchAsync(tenant, key, TestEvents.Items(_topic, tenant, 2500));

        var applied = await analytics.WaitForAppliedAsync(tenant, 2500);
        var messages = Read(_topic, 3);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => $"item-{i}").Order(StringComparer.Ordinal), applied.Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.True(KafkaEventTransport.IsBatch(m.Message)));
        Assert.All(messages, m => Assert.Equal(key, Encoding.UTF8.GetString(m.Message.Key!)));
        var published = messages.SelectMany(m => CloudEventBatch.Parse(m.Message.Value)).ToList();
        Assert.Equal([1000, 1000, 500], messages.Select(m => CloudEventBatch.Split(m.Message.Value).Count));
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => $"item-{i}"), published.Select(e => ProtoJson.Parse<WorkItemReceived>(e.Data).ItemId));
        Assert.Equal(published.Select(e => e.Id).Order(StringComparer.Ordinal), (await analytics.AppliedEventIdsAsync(tenant)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_redelivered_batch_applies_nothing_twice()
    {
        kafka.CreateTopics(_topic);
        var tenant = UniqueTenant.Next();
        var key = $"{tenant}:workitems";
        await using var analytics = await ConsumerAsync("analytics");
        await using var ingestion = await PublisherAsync();
        await ingestion.EnqueueBatchAsync(tenant, key, TestEvents.Items(_topic, tenant, 40));
        await analytics.WaitForAppliedAsync(tenant, 40);

        // The same message again, as a relay that crashed before its commit would send it; then one event more under the
        // same key (same partition, after it), so once that one is applied the redelivery has been consumed.
        using (var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = kafka.Broker.BootstrapServers }).Build())
        {
            var original = Read(_topic, 1)[0].Message;
            await producer.ProduceAsync(_topic, new Message<byte[]?, byte[]> { Key = original.Key, Value = original.Value, Headers = original.Headers });
        }

        await ingestion.EnqueueBatchAsync(tenant, key, [TestEvents.Item(_topic, tenant, "last")]);

        var applied = await analytics.WaitForAppliedAsync(tenant, 41);
        Assert.Equal(41, applied.Count);
        Assert.Equal(41, (await analytics.AppliedEventIdsAsync(tenant)).Distinct().Count());
    }

    [Fact]
    public async Task Single_and_batched_events_on_one_topic_all_reach_the_same_handler()
    {
        kafka.CreateTopics(_topic);
        var tenant = UniqueTenant.Next();
        await using var analytics = await ConsumerAsync("analytics");
        await using var ingestion = await PublisherAsync();

        await ingestion.EnqueueAsync(tenant, TestEvents.Items(_topic, tenant, 5, "single"));
        await ingestion.EnqueueBatchAsync(tenant, $"{tenant}:workitems", TestEvents.Items(_topic, tenant, 30, "batched"));
        await ingestion.EnqueueAsync(tenant, [TestEvents.Item(_topic, tenant, "single-last")]);

        var applied = await analytics.WaitForAppliedAsync(tenant, 36);
        Assert.Equal(36, applied.Count);
        Assert.Equal(5 + 1, applied.Count(i => i.StartsWith("single", StringComparison.Ordinal)));
        Assert.Equal(30, applied.Count(i => i.StartsWith("batched", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_batch_with_a_poison_event_goes_to_the_dlq_as_it_came_and_its_other_events_are_applied()
    {
        kafka.CreateTopics(_topic);
        var tenant = UniqueTenant.Next();
        await using var analytics = await ConsumerAsync("analytics");
        await using var ingestion = await PublisherAsync();

        await ingestion.EnqueueBatchAsync(
            tenant, $"{tenant}:workitems", [.. TestEvents.Items(_topic, tenant, 4, "good"), TestEvents.Item(_topic, tenant, "bad", RecordingHandler.Poison)]);

        var applied = await analytics.WaitForAppliedAsync(tenant, 4);
        var deadLetter = Assert.Single(Read(KafkaDeadLetters.TopicFor(_topic), 1));
        Assert.Equal(["good-0", "good-1", "good-2", "good-3"], applied.Order(StringComparer.Ordinal));
        Assert.True(KafkaEventTransport.IsBatch(deadLetter.Message));
        Assert.Equal(5, CloudEventBatch.Parse(deadLetter.Message.Value).Count);
        // The bus's consumer reads no headers; the dead letter still carries the batch's content-type, as the relay published it.
        Assert.Equal(CloudEventBatch.ContentType, Encoding.UTF8.GetString(deadLetter.Message.Headers.GetLastBytes(KafkaEventTransport.ContentTypeHeader)));
    }

    private Task<BusHost> ConsumerAsync(string appId) =>
        BusHost.StartAsync($"{appId}-{_topic[6..]}", Configuration, bus => bus.HandlesBatch<WorkItemReceived, RecordingBatchHandler>(_topic, TestEvents.WorkItemReceived));

    private Task<BusHost> PublisherAsync() => BusHost.StartAsync("ingestion", Configuration, bus => bus.Publishes(_topic));

    private List<ConsumeResult<byte[]?, byte[]>> Read(string topic, int count) => TopicMessages.Read(kafka.Broker.BootstrapServers, topic, count);
}
