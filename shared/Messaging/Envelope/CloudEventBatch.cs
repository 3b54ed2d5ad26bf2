using System.Text.Json;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>
/// The CloudEvents JSON batch format (<c>application/cloudevents-batch+json</c>): a JSON array of complete structured
/// CloudEvents, each with its own id, type, traceparent and data.
/// </summary>
public static class CloudEventBatch
{
    public const string ContentType = "application/cloudevents-batch+json";

    /// <summary>Whether <paramref name="json"/> is a batch (a JSON array) rather than one structured CloudEvent (an object).</summary>
    public static bool IsBatch(ReadOnlySpan<byte> json)
    {
        var start = json.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && json[start] == (byte)'[';
    }

    /// <summary>The events of a batch, each as its own envelope bytes (slices of <paramref name="batch"/>, in order).</summary>
    /// <exception cref="FormatException">The bytes are not a JSON array.</exception>
    public static IReadOnlyList<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> batch)
    {
        var events = new List<ReadOnlyMemory<byte>>();
        try
        {
            var reader = new Utf8JsonReader(batch.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new FormatException($"CloudEvents batch must be a JSON array, not {reader.TokenType}.");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                events.Add(batch[start..(int)reader.BytesConsumed]);
            }
        }
        catch (JsonException ex)
        {
            throw new FormatException($"CloudEvents batch is not JSON: {ex.Message}", ex);
        }

        return events;
    }

    /// <summary>Reads every event of a batch; one that is not a CloudEvent this platform can apply fails the whole batch.</summary>
    /// <exception cref="FormatException">The batch or one of its events is malformed; the message names what.</exception>
    public static IReadOnlyList<CloudEvent> Parse(ReadOnlyMemory<byte> batch) => Split(batch).Select(CloudEventJson.Parse).ToList();
}
