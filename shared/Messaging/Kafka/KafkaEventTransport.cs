using System.Text;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Observability;
using BackOfficeCloud.Messaging.Publishing;
using Confluent.Kafka;

namespace BackOfficeCloud.Messaging.Kafka;

/// <summary>
/// Produces CloudEvent JSON as the message value, tenant id + entity id as the key. A CloudEvents batch is one message
/// whose <c>content-type</c> header says so (the CloudEvents Kafka binding's batch mode); a single event has no header.
/// </summary>
public sealed class KafkaEventTransport(KafkaClients clients) : IEventTransport
{
    public const string ContentTypeHeader = "content-type";
    internal static readonly byte[] BatchContentType = Encoding.UTF8.GetBytes(CloudEventBatch.ContentType);

    /// <summary>
    /// Whether a consumed message is a CloudEvents batch: its value is a JSON array (a structured CloudEvent is an object). The
    /// <c>content-type</c> header says the same for readers that look at headers; the bus's consumer does not read them.
    /// </summary>
    public static bool IsBatch(Message<byte[]?, byte[]> message) => message?.Value is { } value && CloudEventBatch.IsBatch(value);

    /// <summary>The events of a consumed message: its one CloudEvent, or each event of a CloudEvents batch, in order.</summary>
    /// <exception cref="FormatException">The message is not a CloudEvent (or batch) this platform can apply.</exception>
    public static IReadOnlyList<CloudEvent> ReadEvents(Message<byte[]?, byte[]> message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return IsBatch(message) ? CloudEventBatch.Parse(message.Value) : [CloudEventJson.Parse(message.Value)];
    }

    public async Task PublishAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var deliveries = new DeliveryBatch(messages.Count);
        foreach (var message in messages)
        {
            clients.Producer.Produce(
                message.Topic,
                new Message<byte[]?, byte[]>
                {
                    Key = Encoding.UTF8.GetBytes(message.Key),
                    Value = message.Envelope,
                    Headers = message.IsBatch ? new Headers { { ContentTypeHeader, BatchContentType } } : null,
                },
                deliveries.OnDelivered);
        }

        await deliveries.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        MessagingMetrics.CountPublished(messages);
    }

    /// <summary>Completes when the broker has answered for every message of a batch.</summary>
    private sealed class DeliveryBatch
    {
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _pending;
        private Error? _firstError;

        public DeliveryBatch(int count)
        {
            _pending = count;
            Completion = count == 0 ? Task.CompletedTask : _completion.Task;
        }

        public Task Completion { get; }

        public void OnDelivered(DeliveryReport<byte[]?, byte[]> report)
        {
            if (report.Error.IsError)
            {
                Interlocked.CompareExchange(ref _firstError, report.Error, null);
            }

            if (Interlocked.Decrement(ref _pending) == 0)
            {
                if (_firstError is null)
                {
                    _completion.SetResult();
                }
                else
                {
                    _completion.SetException(new KafkaException(_firstError));
                }
            }
        }
    }
}
