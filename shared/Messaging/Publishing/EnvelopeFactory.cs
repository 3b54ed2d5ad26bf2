using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Observability;

namespace BackOfficeCloud.Messaging.Publishing;

/// <summary>Turns an <see cref="OutgoingEvent"/> into its CloudEvent bytes: a new id, the time now, the current trace.</summary>
public sealed class EnvelopeFactory(string source, TimeProvider timeProvider)
{
    public OutboundMessage Create(OutgoingEvent outgoing)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        outgoing.Validate();
        var cloudEvent = new CloudEvent(
            Guid.CreateVersion7().ToString(), source, outgoing.Type, timeProvider.GetUtcNow(), outgoing.TenantId,
            outgoing.EntityId, MessagingTracing.CurrentTraceParent(), ProtoJson.Format(outgoing.Payload));
        return new OutboundMessage(outgoing.Topic, outgoing.Key, outgoing.Type, CloudEventJson.Serialize(cloudEvent));
    }
}
