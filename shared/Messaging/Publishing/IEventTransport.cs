namespace BackOfficeCloud.Messaging.Publishing;

/// <summary>Sends serialized events to the broker (Kafka) or the sidecar (Dapr).</summary>
public interface IEventTransport
{
    /// <summary>Completes when every message is acknowledged; throws if any was not.</summary>
    Task PublishAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken);
}
