using System.Buffers;
using System.Text.Json;
using BackOfficeCloud.Data;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>Writes and reads the structured JSON form of a <see cref="CloudEvent"/>.</summary>
public static class CloudEventJson
{
    public static byte[] Serialize(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var buffer = new ArrayBufferWriter<byte>(256 + cloudEvent.Data.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("specversion", CloudEvent.SpecVersion);
            writer.WriteString("id", cloudEvent.Id);
            writer.WriteString("source", cloudEvent.Source);
            writer.WriteString("type", cloudEvent.Type);
            writer.WriteString("time", cloudEvent.Time.ToUniversalTime());
            writer.WriteString("datacontenttype", CloudEvent.DataContentType);
            if (cloudEvent.Subject is not null)
            {
                writer.WriteString("subject", cloudEvent.Subject);
            }

            writer.WriteString("tenantid", cloudEvent.TenantId);
            if (cloudEvent.TraceParent is not null)
            {
                writer.WriteString("traceparent", cloudEvent.TraceParent);
            }

            writer.WritePropertyName("data");
            writer.WriteRawValue(cloudEvent.Data);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a structured CloudEvent; attributes it does not know (Dapr adds <c>topic</c>, <c>pubsubname</c>, ...) are ignored.</summary>
    /// <exception cref="FormatException">The bytes are not a CloudEvent this platform can apply; the message names the attribute.</exception>
    public static CloudEvent Parse(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"CloudEvent is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"CloudEvent must be a JSON object, not {root.ValueKind}.");
            }

            var specVersion = Required(root, "specversion");
            if (specVersion != CloudEvent.SpecVersion)
            {
                throw new FormatException($"CloudEvent specversion '{specVersion}' is not supported: expected '{CloudEvent.SpecVersion}'.");
            }

            var tenantId = Required(root, "tenantid");
            if (!TenantId.IsValid(tenantId))
            {
                throw new FormatException($"CloudEvent tenantid '{tenantId}' is not a valid tenant id.");
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("CloudEvent data is missing or not a JSON object.");
            }

            return new CloudEvent(
                Required(root, "id"), Required(root, "source"), Required(root, "type"), Time(root), tenantId,
                Optional(root, "subject"), Optional(root, "traceparent"), data.GetRawText());
        }
    }

    private static DateTimeOffset Time(JsonElement root)
    {
        var text = Optional(root, "time");
        if (text is null)
        {
            return DateTimeOffset.MinValue;
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException($"CloudEvent time '{text}' is not an RFC 3339 timestamp.");
    }

    private static string Required(JsonElement root, string name) =>
        Optional(root, name) is { Length: > 0 } value ? value : throw new FormatException($"CloudEvent attribute '{name}' is missing or empty.");

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
