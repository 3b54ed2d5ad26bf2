using System.Text.Json;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>Writes and reads the structured JSON form of a <see cref="CloudEvent"/>.</summary>
public static class CloudEventJson
{
    public static byte[] Serialize(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        return EnvelopeWriter.Current.Write(cloudEvent).ToArray();
    }

    /// <summary>
    /// Reads a structured CloudEvent; attributes it does not know (Dapr adds <c>topic</c>, <c>pubsubname</c>, ...) are ignored.
    /// The event's <see cref="CloudEvent.Data"/> is read from <paramref name="json"/> when first asked for: the bytes must not change.
    /// </summary>
    /// <exception cref="FormatException">The bytes are not a CloudEvent this platform can apply; the message names the attribute.</exception>
    public static CloudEvent Parse(ReadOnlyMemory<byte> json)
    {
        var attributes = new CloudEventAttributes();
        try
        {
            attributes.Read(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"CloudEvent is not JSON: {ex.Message}", ex);
        }

        return attributes.ToCloudEvent();
    }
}
