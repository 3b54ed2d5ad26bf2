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
        var attributes = new CloudEvent(
            Guid.CreateVersion7().ToString(), source, outgoing.Type, timeProvider.GetUtcNow(), outgoing.TenantId,
            outgoing.EntityId, MessagingTracing.CurrentTraceParent(), Data: "");
        return new OutboundMessage(outgoing.Topic, outgoing.Key, outgoing.Type, CloudEventJson.Serialize(attributes, outgoing.Payload));
    }
}
