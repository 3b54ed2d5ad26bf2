using Confluent.Kafka;

namespace BackOfficeCloud.Messaging.Tests.Support;

/// <summary>Reads a topic's raw messages from its start, as a new consumer group would.</summary>
public static class TopicMessages
{
    /// <summary>The first <paramref name="count"/> messages of the topic (fewer if they do not come within 30 s).</summary>
    public static List<ConsumeResult<byte[]?, byte[]>> Read(string bootstrapServers, string topic, int count)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"reader-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(topic);
        var messages = new List<ConsumeResult<byte[]?, byte[]>>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (messages.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
            {
                messages.Add(result);
            }
        }

        consumer.Close();
        return messages;
    }
}
