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
}
