using BackOfficeCloud.Messaging.Consuming;
using Confluent.Kafka;

namespace BackOfficeCloud.Messaging.Kafka;

/// <summary>A consumed Kafka message with its events (one, or a CloudEvents batch's), or why it could not be read.</summary>
internal sealed record PolledMessage(ConsumeResult<byte[]?, byte[]> Result, IReadOnlyList<ReceivedEvent> Events, FormatException? Error)
{
    public static PolledMessage Parse(ConsumeResult<byte[]?, byte[]> result)
    {
        try
        {
            var events = KafkaEventTransport.ReadEvents(result.Message).Select(e => new ReceivedEvent(result.Topic, e)).ToList();
            return new PolledMessage(result, events, null);
        }
        catch (FormatException ex)
        {
            return new PolledMessage(result, [], ex);
        }
    }
}
