namespace BackOfficeCloud.Messaging.Publishing;

/// <summary>A serialized event ready for a transport: the topic, the message key and the CloudEvent JSON bytes.</summary>
/// <param name="BatchEvents">Null for one structured CloudEvent; else <paramref name="Envelope"/> is a CloudEvents batch of this many events.</param>
public sealed record OutboundMessage(string Topic, string Key, byte[] Envelope, int? BatchEvents = null)
{
    public bool IsBatch => BatchEvents is not null;
}
