namespace BackOfficeCloud.Messaging.Publishing;

/// <summary>
/// Publishes straight to the transport, for events that announce no database change (e.g. real-time decisions).
/// An event that announces a state change goes through <see cref="Outbox.IEventOutbox"/> instead.
/// </summary>
public interface IEventPublisher
{
    Task PublishAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken = default);
}

internal sealed class EventPublisher(EnvelopeFactory envelopes, IEventTransport transport) : IEventPublisher
{
    public Task PublishAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return transport.PublishAsync(events.Select(envelopes.Create).ToList(), cancellationToken);
    }
}
