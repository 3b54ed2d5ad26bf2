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
        var time = timeProvider.GetUtcNow();
        var attributes = new CloudEvent(
            EventIds.NewId(time), source, outgoing.Type, time, outgoing.TenantId, outgoing.EntityId, MessagingTracing.CurrentTraceParent(), Data: "");
        return new OutboundMessage(outgoing.Topic, outgoing.Key, CloudEventJson.Serialize(attributes, outgoing.Payload));
    }

    /// <summary>
    /// Events of one topic and one tenant as CloudEvents batches under <paramref name="key"/>, in order, each of at most
    /// <paramref name="maxEvents"/> events and <paramref name="maxBytes"/> bytes (an event larger than that goes alone).
    /// </summary>
    public IReadOnlyList<OutboundMessage> CreateBatches(string key, IReadOnlyList<OutgoingEvent> events, int maxEvents, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(events);
        ValidateBatch(key, events);
        return Join(events.Select(Create), maxEvents, maxBytes).Select(chunk => chunk.AsBatch(key)).ToList();
    }

    /// <summary>
    /// Envelopes joined into CloudEvents batches (JSON arrays) in order, each of at most <paramref name="maxEvents"/> events
    /// and <paramref name="maxBytes"/> bytes (an envelope larger than that goes alone).
    /// </summary>
    internal static IEnumerable<JoinedEnvelopes> Join(IEnumerable<OutboundMessage> messages, int maxEvents, int maxBytes)
    {
        var pending = new List<OutboundMessage>();
        var pendingBytes = 2L; // the array's brackets
        foreach (var message in messages)
        {
            if (pending.Count > 0 && (pending.Count == maxEvents || pendingBytes + 1 + message.Envelope.Length > maxBytes))
            {
                yield return JoinedEnvelopes.Of(pending, pendingBytes);
                pending = [];
                pendingBytes = 2;
            }

            pendingBytes += message.Envelope.Length + (pending.Count > 0 ? 1 : 0);
            pending.Add(message);
        }

        if (pending.Count > 0)
        {
            yield return JoinedEnvelopes.Of(pending, pendingBytes);
        }
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
}

/// <summary>Envelopes of one topic joined into one CloudEvents batch (a JSON array), with the messages they came from.</summary>
internal sealed record JoinedEnvelopes(IReadOnlyList<OutboundMessage> Messages, byte[] Batch)
{
    public OutboundMessage AsBatch(string key) => new(Messages[0].Topic, key, Batch, Messages.Count);

    public static JoinedEnvelopes Of(List<OutboundMessage> messages, long bytes)
    {
        var batch = new byte[bytes];
        batch[0] = (byte)'[';
        var at = 1;
        foreach (var message in messages)
        {
            if (at > 1)
            {
                batch[at++] = (byte)',';
            }

            message.Envelope.CopyTo(batch, at);
            at += message.Envelope.Length;
        }

        batch[at] = (byte)']';
        return new JoinedEnvelopes(messages, batch);
    }
}
