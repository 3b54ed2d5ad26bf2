using System.Text.Json;
using Google.Protobuf;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>Writes and reads the structured JSON form of a <see cref="CloudEvent"/>.</summary>
public static class CloudEventJson
{
    public static byte[] Serialize(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        return EnvelopeWriter.Current.Write(cloudEvent, cloudEvent.Data, validateData: true);
    }

    /// <summary>
    /// The envelope of <paramref name="attributes"/> (its <see cref="CloudEvent.Data"/> unused) around
    /// <paramref name="payload"/> in its proto3 JSON form, formatted straight into the envelope's buffer.
    /// </summary>
    internal static byte[] Serialize(CloudEvent attributes, IMessage payload)
    {
        var writer = EnvelopeWriter.Current;
        // JsonFormatter writes JSON by construction: no need to validate it again.
        return writer.Write(attributes, writer.Format(payload), validateData: false);
    }

    /// <summary>Reads a structured CloudEvent; attributes it does not know (Dapr adds <c>topic</c>, <c>pubsubname</c>, ...) are ignored.</summary>
    /// <exception cref="FormatException">The bytes are not a CloudEvent this platform can apply; the message names the attribute.</exception>
    public static CloudEvent Parse(ReadOnlyMemory<byte> json)
    {
        var attributes = new CloudEventAttributes();
        try
        {
            attributes.Read(json.Span);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"CloudEvent is not JSON: {ex.Message}", ex);
        }

        return attributes.ToCloudEvent();
    }
}
