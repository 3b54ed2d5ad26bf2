using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Messaging.Envelope;
using Confluent.Kafka;

namespace BackOfficeCloud.Messaging.Kafka;

/// <summary>A consumed Kafka message with its events (one, or a CloudEvents batch's), or why it could not be read.</summary>
internal sealed record PolledMessage(ConsumeResult<byte[]?, byte[]> Result, IReadOnlyList<ReceivedEvent> Events, FormatException? Error)
{
    public static PolledMessage Parse(ConsumeResult<byte[]?, byte[]> result)
    {
        try
        {
            var value = result.Message.Value;
            if (!CloudEventBatch.IsBatch(value))
            {
                return new PolledMessage(result, [new ReceivedEvent(result.Topic, CloudEventJson.Parse(value))], null);
            }

            var batch = CloudEventBatch.Parse(value);
            var events = new ReceivedEvent[batch.Count];
            for (var i = 0; i < events.Length; i++)
            {
                events[i] = new ReceivedEvent(result.Topic, batch[i]);
            }

            return new PolledMessage(result, events, null);
        }
        catch (FormatException ex)
        {
            return new PolledMessage(result, [], ex);
        }
    }
}
