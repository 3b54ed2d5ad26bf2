using System.Text;
using System.Text.Json;

namespace BackOfficeCloud.Messaging.Dapr;

/// <summary>One entry of a Dapr bulk delivery: daprd's id for it and the event's bytes (a structured CloudEvent).</summary>
internal sealed record DaprBulkEntry(string EntryId, ReadOnlyMemory<byte> Event);

/// <summary>
/// What daprd posts to a bulk-subscribed route: <c>{"entries":[{"entryId","event","contentType","metadata"}],"id",
/// "topic","pubsubname","type","metadata"}</c>, where a CloudEvent entry's <c>event</c> is the JSON object itself.
/// </summary>
internal static class DaprBulkMessage
{
    /// <summary>The entries when <paramref name="body"/> is a bulk delivery; null when it is anything else (e.g. one CloudEvent).</summary>
    public static IReadOnlyList<DaprBulkEntry>? TryRead(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return entries.EnumerateArray().Select(Entry).ToList();
        }
    }

    // An event that is not a JSON object is passed on as its text; CloudEvent parsing then refuses it and the entry is dropped.
    private static DaprBulkEntry Entry(JsonElement entry)
    {
        var id = entry.TryGetProperty("entryId", out var entryId) ? entryId.GetString() ?? "" : "";
        var cloudEvent = !entry.TryGetProperty("event", out var value) ? ""
            : value.ValueKind == JsonValueKind.String ? value.GetString() ?? ""
            : value.GetRawText();
        return new DaprBulkEntry(id, Encoding.UTF8.GetBytes(cloudEvent));
    }
}
