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

    /// <summary>
    /// Events of one topic and one tenant as CloudEvents batches under <paramref name="key"/>, in order, each of at most
    /// <paramref name="maxEvents"/> events and <paramref name="maxBytes"/> bytes (an event larger than that goes alone).
    /// </summary>
    public IReadOnlyList<OutboundMessage> CreateBatches(string key, IReadOnlyList<OutgoingEvent> events, int maxEvents, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(events);
        ValidateBatch(key, events);
        var batches = new List<OutboundMessage>();
        var pending = new List<OutboundMessage>();
        var pendingBytes = 2L; // the array's brackets
        foreach (var outgoing in events)
        {
            var message = Create(outgoing);
            if (pending.Count > 0 && (pending.Count == maxEvents || pendingBytes + 1 + message.Envelope.Length > maxBytes))
            {
                batches.Add(Join(key, pending, pendingBytes));
                pending.Clear();
                pendingBytes = 2;
            }

            pendingBytes += message.Envelope.Length + (pending.Count > 0 ? 1 : 0);
            pending.Add(message);
        }

        if (pending.Count > 0)
        {
            batches.Add(Join(key, pending, pendingBytes));
        }

        return batches;
    }

    private static void ValidateBatch(string key, IReadOnlyList<OutgoingEvent> events)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException($"Batch key '{key}' is empty.", nameof(key));
        }

        var first = events.Count > 0 ? events[0] : null;
        for (var i = 0; i < events.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(events[i], nameof(events));
            if (events[i].Topic != first!.Topic)
            {
                throw new ArgumentException($"Event {i} of the batch has Topic '{events[i].Topic}', not the batch's '{first.Topic}'.", nameof(events));
            }

            if (events[i].TenantId != first.TenantId)
            {
                throw new ArgumentException($"Event {i} of the batch has TenantId '{events[i].TenantId}', not the batch's '{first.TenantId}'.", nameof(events));
            }
        }
    }

    private static OutboundMessage Join(string key, List<OutboundMessage> events, long bytes)
    {
        var batch = new byte[bytes];
        batch[0] = (byte)'[';
        var at = 1;
        foreach (var message in events)
        {
            if (at > 1)
            {
                batch[at++] = (byte)',';
            }

            message.Envelope.CopyTo(batch, at);
            at += message.Envelope.Length;
        }

        batch[at] = (byte)']';
        var types = string.Join(',', events.Select(e => e.Type).Distinct(StringComparer.Ordinal));
        return new OutboundMessage(events[0].Topic, key, types, batch, events.Count);
    }
}
