using Google.Protobuf;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>The JSON form of proto payloads (proto3 JSON mapping), as carried in a CloudEvent's <c>data</c>.</summary>
public static class ProtoJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static string Format(IMessage message) => JsonFormatter.Default.Format(message);

    /// <summary>Unknown fields are ignored so a consumer keeps working when a publisher adds fields.</summary>
    public static TMessage Parse<TMessage>(string json) where TMessage : IMessage<TMessage>, new()
    {
        ArgumentNullException.ThrowIfNull(json);
        return ProtoJsonReader.TryParse<TMessage>(json, out var message) ? message : Parser.Parse<TMessage>(json);
    }

    /// <summary>An event's data, read from the UTF-8 bytes it came in when it has them (no text made on the way).</summary>
    internal static TMessage ParseData<TMessage>(CloudEvent cloudEvent) where TMessage : IMessage<TMessage>, new() =>
        !cloudEvent.TryGetUtf8Data(out var utf8) ? Parse<TMessage>(cloudEvent.Data)
        : ProtoJsonReader.TryParse<TMessage>(utf8, out var message) ? message
        : Parser.Parse<TMessage>(cloudEvent.Data);
}
