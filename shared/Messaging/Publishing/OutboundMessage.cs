namespace BackOfficeCloud.Messaging.Publishing;

/// <summary>A serialized event ready for a transport: the topic, the message key and the CloudEvent JSON bytes.</summary>
public sealed record OutboundMessage(string Topic, string Key, string Type, byte[] Envelope);
