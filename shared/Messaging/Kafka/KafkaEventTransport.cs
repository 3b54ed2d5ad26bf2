using System.Text;
using BackOfficeCloud.Messaging.Observability;
using BackOfficeCloud.Messaging.Publishing;
using Confluent.Kafka;

namespace BackOfficeCloud.Messaging.Kafka;

/// <summary>Produces CloudEvent JSON as the message value, tenant id + entity id as the key.</summary>
public sealed class KafkaEventTransport(KafkaClients clients) : IEventTransport
{
    public Task PublishAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var deliveries = new DeliveryBatch(messages.Count);
        foreach (var message in messages)
        {
            clients.Producer.Produce(
                message.Topic, new Message<byte[]?, byte[]> { Key = Encoding.UTF8.GetBytes(message.Key), Value = message.Envelope }, deliveries.OnDelivered);
        }

        return deliveries.Completion.WaitAsync(cancellationToken);
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
            else
            {
                MessagingMetrics.Published.WithLabels(report.Topic).Inc();
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
