using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using BackOfficeCloud.Data;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>
/// One pass of <see cref="Utf8JsonReader"/> over a structured CloudEvent's top-level attributes; <c>data</c> is kept as a
/// slice of its UTF-8 JSON, and the attributes a stream repeats (spec version, source, type, tenant) are decoded once per thread.
/// </summary>
internal struct CloudEventAttributes
{
    // The attributes up to TenantId repeat from event to event of a stream; the others are new in each.
    private const int SpecVersion = 0;
    private const int Source = 1;
    private const int Type = 2;
    private const int TenantId = 3;
    private const int Id = 4;
    private const int Subject = 5;
    private const int TraceParent = 6;
    private const int Time = 7;

    private static readonly string[] Names = ["specversion", "source", "type", "tenantid", "id", "subject", "traceparent", "time"];
    private static readonly byte[][] Utf8Names = [.. Names.Select(Encoding.UTF8.GetBytes)];

    private Values _values;
    private ReadOnlyMemory<byte>? _data;
    private DateTimeOffset _time;

    public void Read(ReadOnlyMemory<byte> json)
    {
        _time = DateTimeOffset.MinValue;
        var recent = RecentStrings.Current;
        var reader = new Utf8JsonReader(json.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException($"CloudEvent must be a JSON object, not {reader.TokenType}.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                var isObject = reader.TokenType == JsonTokenType.StartObject;
                reader.Skip();
                _data = isObject ? json[start..(int)reader.BytesConsumed] : (ReadOnlyMemory<byte>?)null;
                continue;
            }

            var name = IndexOfName(ref reader);
            reader.Read();
            if (name < 0 || reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
            }
            else if (name == Time && reader.TryGetDateTimeOffset(out _time))
            {
                _values[Time] = null;
            }
            else
            {
                _values[name] = name <= TenantId ? recent.Get(name, ref reader) : reader.GetString();
            }
        }
    }

    public readonly CloudEvent ToCloudEvent()
    {
        var specVersion = Required(SpecVersion);
        if (specVersion != CloudEvent.SpecVersion)
        {
            throw new FormatException($"CloudEvent specversion '{specVersion}' is not supported: expected '{CloudEvent.SpecVersion}'.");
        }

        var tenantId = Required(TenantId);
        if (!Data.TenantId.IsValid(tenantId))
        {
            throw new FormatException($"CloudEvent tenantid '{tenantId}' is not a valid tenant id.");
        }

        var data = _data ?? throw new FormatException("CloudEvent data is missing or not a JSON object.");
        return new CloudEvent(Required(Id), Required(Source), Required(Type), ParsedTime(), tenantId, _values[Subject], _values[TraceParent], data);
    }

    // Compared as UTF-8, so attributes this platform does not read (Dapr's topic, pubsubname, ...) cost no string.
    private static int IndexOfName(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (reader.ValueTextEquals(Utf8Names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // A time the fast ISO 8601 reader did not take (e.g. a lower-case 't') is kept as text and parsed leniently.
    private readonly DateTimeOffset ParsedTime() =>
        _values[Time] is not { } text ? _time
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new FormatException($"CloudEvent time '{text}' is not an RFC 3339 timestamp.");

    private readonly string Required(int attribute) =>
        _values[attribute] is { Length: > 0 } value ? value : throw new FormatException($"CloudEvent attribute '{Names[attribute]}' is missing or empty.");

    [InlineArray(8)]
    private struct Values
    {
        private string? _first;
    }
}
