using System.Buffers;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Observability;

namespace BackOfficeCloud.Messaging.Publishing;

/// <summary>Turns an <see cref="OutgoingEvent"/> into its CloudEvent bytes: a new id, the time now, the current trace.</summary>
public sealed class EnvelopeFactory(string source, TimeProvider timeProvider)
{
    public OutboundMessage Create(OutgoingEvent outgoing) => new(outgoing.Topic, outgoing.Key, Write(outgoing).ToArray());

    /// <summary>
    /// Events of one topic and one tenant as CloudEvents batches under <paramref name="key"/>, in order, each of at most
    /// <paramref name="maxEvents"/> events and <paramref name="maxBytes"/> bytes (an event larger than that goes alone).
    /// </summary>
    public IReadOnlyList<OutboundMessage> CreateBatches(string key, IReadOnlyList<OutgoingEvent> events, int maxEvents, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(events);
        ValidateBatch(key, events);
        return Join(events, maxEvents, maxBytes).ConvertAll(joined => joined.AsBatch(key));
    }

    /// <summary>
    /// The events' envelopes (of one topic) joined into CloudEvents batches (JSON arrays) in order, each of at most
    /// <paramref name="maxEvents"/> events and <paramref name="maxBytes"/> bytes (an envelope larger than that goes alone).
    /// Each envelope is written into the batch being joined: no array of its own.
    /// </summary>
    internal List<JoinedEnvelopes> Join(IReadOnlyList<OutgoingEvent> events, int maxEvents, int maxBytes)
    {
        var joined = new List<JoinedEnvelopes>();
        var batch = EnvelopeWriter.Current.Batch;
        batch.ResetWrittenCount();
        var first = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var envelope = Write(events[i]);
            var pending = i - first;
            if (pending > 0 && (pending == maxEvents || batch.WrittenCount + 2 + envelope.Length > maxBytes))
            {
                joined.Add(Close(events[first].Topic, first, pending, batch));
                first = i;
                pending = 0;
            }

            batch.Write(pending == 0 ? "["u8 : ","u8);
            batch.Write(envelope);
        }

        if (events.Count > first)
        {
            joined.Add(Close(events[first].Topic, first, events.Count - first, batch));
        }

        return joined;
    }

    private static JoinedEnvelopes Close(string topic, int first, int count, ArrayBufferWriter<byte> batch)
    {
        batch.Write("]"u8);
        var joined = new JoinedEnvelopes(topic, first, count, batch.WrittenSpan.ToArray());
        batch.ResetWrittenCount();
        return joined;
    }

    // Valid until this thread's next envelope.
    private ReadOnlySpan<byte> Write(OutgoingEvent outgoing)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        outgoing.Validate();
        var time = timeProvider.GetUtcNow();
        var attributes = new CloudEvent(
            EventIds.NewId(time), source, outgoing.Type, time, outgoing.TenantId, outgoing.EntityId, MessagingTracing.CurrentTraceParent(), Data: "");
        return EnvelopeWriter.Current.Write(attributes, outgoing.Payload);
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

/// <summary>Envelopes of one topic joined into one CloudEvents batch (a JSON array): events [First, First + Count) of those joined.</summary>
internal sealed record JoinedEnvelopes(string Topic, int First, int Count, byte[] Batch)
{
    public OutboundMessage AsBatch(string key) => new(Topic, key, Batch, Count);
}
