using System.Text;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>
/// A CloudEvents 1.0 event as it travels on a topic (structured JSON mode, the form Dapr's Kafka pub/sub writes).
/// </summary>
/// <param name="Id">Unique per event; consumers record it to skip redeliveries.</param>
/// <param name="Source">The publishing service's app id.</param>
/// <param name="Type">The versioned event type, e.g. <c>backoffice.ingestion.v1.WorkItemReceived</c>.</param>
/// <param name="Time">When the event was published (UTC).</param>
/// <param name="TenantId">The <c>tenantid</c> extension attribute.</param>
/// <param name="Subject">The entity the event is about (the second half of the message key).</param>
/// <param name="TraceParent">W3C trace context of the publisher, continued by the consumer.</param>
/// <param name="Data">The payload: a proto message in its JSON form.</param>
public sealed record CloudEvent(
    string Id, string Source, string Type, DateTimeOffset Time, string TenantId, string? Subject, string? TraceParent, string Data)
{
    public const string SpecVersion = "1.0";
    public const string DataContentType = "application/json";

    /// <summary>The HTTP content type of a structured CloudEvent (what daprd posts to subscription routes).</summary>
    public const string StructuredContentType = "application/cloudevents+json";

    private readonly ReadOnlyMemory<byte> _utf8Data;
    private string? _data = Data;

    /// <summary>A read event whose data stays the UTF-8 bytes it was read from (a slice of the message) until someone asks for its text.</summary>
    internal CloudEvent(
        string id, string source, string type, DateTimeOffset time, string tenantId, string? subject, string? traceParent, ReadOnlyMemory<byte> utf8Data)
        : this(id, source, type, time, tenantId, subject, traceParent, Data: null!) => _utf8Data = utf8Data;

    // A consumer's payload parser reads the UTF-8 bytes; the text is made only for whoever asks for it.
    public string Data
    {
        get => _data ??= Encoding.UTF8.GetString(_utf8Data.Span);
        init => _data = value;
    }

    /// <summary>The data as the UTF-8 bytes it was read from; false when the event was built from text.</summary>
    internal bool TryGetUtf8Data(out ReadOnlySpan<byte> utf8Data)
    {
        utf8Data = _utf8Data.Span;
        return !_utf8Data.IsEmpty;
    }

    public bool Equals(CloudEvent? other) =>
        other is not null && Id == other.Id && Source == other.Source && Type == other.Type && Time == other.Time && TenantId == other.TenantId
        && Subject == other.Subject && TraceParent == other.TraceParent && Data == other.Data;

    public override int GetHashCode() => HashCode.Combine(Id, Source, Type, Time, TenantId);
}
