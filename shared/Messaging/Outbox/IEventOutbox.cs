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
}
