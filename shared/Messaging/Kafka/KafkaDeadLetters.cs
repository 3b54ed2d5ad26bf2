using System.Text;
using BackOfficeCloud.Messaging.Observability;
using Confluent.Kafka;

namespace BackOfficeCloud.Messaging.Kafka;

/// <summary>Sends a message its consumer could not apply to <c>&lt;topic&gt;.dlq</c>, unchanged, with the error in added headers.</summary>
public sealed class KafkaDeadLetters(KafkaClients clients)
{
    public const string Suffix = ".dlq";
    public const string ErrorHeader = "dlq-error";
    public const string ConsumerGroupHeader = "dlq-consumer-group";
    public const string OriginHeader = "dlq-origin";

    public static string TopicFor(string topic) => topic + Suffix;

    public async Task SendAsync(ConsumeResult<byte[]?, byte[]> failed, Exception error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(error);
        // The message's own headers stay when the consumer read them; the bus's consumer does not, so a batch gets its
        // content-type back: the dead letter then reads as the relay published it.
        var headers = new Headers();
        foreach (var header in failed.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        if (KafkaEventTransport.IsBatch(failed.Message) && !headers.TryGetLastBytes(KafkaEventTransport.ContentTypeHeader, out _))
        {
            headers.Add(KafkaEventTransport.ContentTypeHeader, KafkaEventTransport.BatchContentType);
        }

        headers.Add(ErrorHeader, Encoding.UTF8.GetBytes($"{error.GetType().Name}: {error.Message}"));
        headers.Add(ConsumerGroupHeader, Encoding.UTF8.GetBytes(clients.Identity.AppId));
        headers.Add(OriginHeader, Encoding.UTF8.GetBytes(failed.TopicPartitionOffset.ToString()));
        await clients.Producer.ProduceAsync(
            TopicFor(failed.Topic), new Message<byte[]?, byte[]> { Key = failed.Message.Key, Value = failed.Message.Value, Headers = headers },
            cancellationToken).ConfigureAwait(false);
        MessagingMetrics.DeadLettered.WithLabels(failed.Topic).Inc();
    }
}
