using BackOfficeCloud.Messaging.Publishing;
using Npgsql;

namespace BackOfficeCloud.Messaging.Outbox;

/// <summary>
/// Writes events into the service's outbox inside the caller's tenant transaction, so the state change and its events
/// commit (or roll back) together; <see cref="OutboxRelay"/> publishes them afterwards.
/// </summary>
public interface IEventOutbox
{
    Task EnqueueAsync(NpgsqlTransaction transaction, OutgoingEvent outgoing, CancellationToken cancellationToken = default);

    /// <summary>One multi-row insert for the whole batch.</summary>
    Task EnqueueAsync(NpgsqlTransaction transaction, IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Many events of one topic and one tenant as CloudEvents batches (<c>application/cloudevents-batch+json</c>), each one
    /// outbox row and one Kafka message under <paramref name="key"/> (so they keep their order), of at most
    /// <c>Messaging:BatchMaxEvents</c> events and <c>Messaging:BatchMaxBytes</c> bytes. Consumers see the individual events.
    /// </summary>
    /// <exception cref="ArgumentException">The key is empty, or the events do not all share one topic and tenant.</exception>
    Task EnqueueBatchAsync(NpgsqlTransaction transaction, string key, IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken = default);
}
