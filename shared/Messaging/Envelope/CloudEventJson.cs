using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BackOfficeCloud.Data;
using Google.Protobuf;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>Writes and reads the structured JSON form of a <see cref="CloudEvent"/>.</summary>
public static class CloudEventJson
{
    public static byte[] Serialize(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        return EnvelopeBuffers.Current.Write(cloudEvent, cloudEvent.Data, validateData: true);
    }

    /// <summary>
    /// The envelope of <paramref name="attributes"/> (its <see cref="CloudEvent.Data"/> unused) around
    /// <paramref name="payload"/> in its proto3 JSON form, formatted straight into the envelope's buffer.
    /// </summary>
    internal static byte[] Serialize(CloudEvent attributes, IMessage payload)
    {
        var buffers = EnvelopeBuffers.Current;
        // JsonFormatter writes JSON by construction: no need to validate it again.
        return buffers.Write(attributes, buffers.Format(payload), validateData: false);
    }

    /// <summary>Reads a structured CloudEvent; attributes it does not know (Dapr adds <c>topic</c>, <c>pubsubname</c>, ...) are ignored.</summary>
    /// <exception cref="FormatException">The bytes are not a CloudEvent this platform can apply; the message names the attribute.</exception>
    public static CloudEvent Parse(ReadOnlyMemory<byte> json)
    {
        var attributes = new Attributes();
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

    private static readonly (byte[] Utf8, string Name)[] KnownNames =
        [.. new[] { "specversion", "id", "source", "type", "time", "tenantid", "subject", "traceparent" }.Select(n => (Encoding.UTF8.GetBytes(n), n))];

    /// <summary>One pass of <see cref="Utf8JsonReader"/> over the top-level attributes; <c>data</c> is kept as its JSON text.</summary>
    private struct Attributes
    {
        private string? _specVersion;
        private string? _id;
        private string? _source;
        private string? _type;
        private string? _tenantId;
        private string? _subject;
        private string? _traceParent;
        private string? _data;
        private DateTimeOffset _time;
        private string? _timeText;

        public void Read(ReadOnlySpan<byte> json)
        {
            _time = DateTimeOffset.MinValue;
            var reader = new Utf8JsonReader(json);
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
                    _data = isObject ? Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]) : null;
                    continue;
                }

                ReadAttribute(ref reader);
            }
        }

        public readonly CloudEvent ToCloudEvent()
        {
            var specVersion = Required(_specVersion, "specversion");
            if (specVersion != CloudEvent.SpecVersion)
            {
                throw new FormatException($"CloudEvent specversion '{specVersion}' is not supported: expected '{CloudEvent.SpecVersion}'.");
            }

            var tenantId = Required(_tenantId, "tenantid");
            if (!TenantId.IsValid(tenantId))
            {
                throw new FormatException($"CloudEvent tenantid '{tenantId}' is not a valid tenant id.");
            }

            var data = _data ?? throw new FormatException("CloudEvent data is missing or not a JSON object.");
            return new CloudEvent(
                Required(_id, "id"), Required(_source, "source"), Required(_type, "type"), Time(), tenantId, _subject, _traceParent, data);
        }

        private void ReadAttribute(ref Utf8JsonReader reader)
        {
            var name = Name(ref reader);
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                return;
            }

            switch (name)
            {
                case "time":
                    _timeText = reader.TryGetDateTimeOffset(out _time) ? null : reader.GetString();
                    break;
                case "specversion":
                    _specVersion = reader.GetString();
                    break;
                case "id":
                    _id = reader.GetString();
                    break;
                case "source":
                    _source = reader.GetString();
                    break;
                case "type":
                    _type = reader.GetString();
                    break;
                case "tenantid":
                    _tenantId = reader.GetString();
                    break;
                case "subject":
                    _subject = reader.GetString();
                    break;
                case "traceparent":
                    _traceParent = reader.GetString();
                    break;
            }
        }

        // Compared as UTF-8, so attributes this platform does not read (Dapr's topic, pubsubname, ...) cost no string.
        private static string? Name(ref Utf8JsonReader reader)
        {
            foreach (var (utf8, name) in KnownNames)
            {
                if (reader.ValueTextEquals(utf8))
                {
                    return name;
                }
            }

            return null;
        }

        // RFC 3339 texts the fast ISO 8601 reader does not take (e.g. lower-case 't') are parsed leniently.
        private readonly DateTimeOffset Time() =>
            _timeText is null ? _time
            : DateTimeOffset.TryParse(_timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
            : throw new FormatException($"CloudEvent time '{_timeText}' is not an RFC 3339 timestamp.");

        private static string Required(string? value, string name) =>
            value is { Length: > 0 } ? value : throw new FormatException($"CloudEvent attribute '{name}' is missing or empty.");
    }

    /// <summary>A thread's reusable buffers for writing envelopes: the bytes, the JSON writer, the proto JSON text.</summary>
    private sealed class EnvelopeBuffers
    {
        [ThreadStatic]
        private static EnvelopeBuffers? _current;

        private readonly ArrayBufferWriter<byte> _bytes = new(1024);
        private readonly Utf8JsonWriter _writer;
        private readonly StringWriter _payload = new(new StringBuilder(1024), CultureInfo.InvariantCulture);

        private EnvelopeBuffers() => _writer = new Utf8JsonWriter(_bytes);

        public static EnvelopeBuffers Current => _current ??= new EnvelopeBuffers();

        public ReadOnlySpan<char> Format(IMessage payload)
        {
            var text = _payload.GetStringBuilder().Clear();
            JsonFormatter.Default.Format(payload, _payload);
            foreach (var chunk in text.GetChunks())
            {
                // One chunk unless the text outgrew the builder's capacity at once; then a copy is fine.
                return chunk.Length == text.Length ? chunk.Span : text.ToString();
            }

            return [];
        }

        public byte[] Write(CloudEvent attributes, ReadOnlySpan<char> data, bool validateData)
        {
            _bytes.ResetWrittenCount();
            _writer.Reset(_bytes);
            _writer.WriteStartObject();
            _writer.WriteString("specversion"u8, CloudEvent.SpecVersion);
            _writer.WriteString("id"u8, attributes.Id);
            _writer.WriteString("source"u8, attributes.Source);
            _writer.WriteString("type"u8, attributes.Type);
            _writer.WriteString("time"u8, attributes.Time.ToUniversalTime());
            _writer.WriteString("datacontenttype"u8, CloudEvent.DataContentType);
            if (attributes.Subject is not null)
            {
                _writer.WriteString("subject"u8, attributes.Subject);
            }

            _writer.WriteString("tenantid"u8, attributes.TenantId);
            if (attributes.TraceParent is not null)
            {
                _writer.WriteString("traceparent"u8, attributes.TraceParent);
            }

            _writer.WritePropertyName("data"u8);
            _writer.WriteRawValue(data, skipInputValidation: !validateData);
            _writer.WriteEndObject();
            _writer.Flush();
            return _bytes.WrittenSpan.ToArray();
        }
    }
}
