using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>A thread's reusable buffers for writing envelopes: the bytes, the JSON writer, the proto JSON text.</summary>
internal sealed class EnvelopeWriter
{
    [ThreadStatic]
    private static EnvelopeWriter? _current;

    private readonly ArrayBufferWriter<byte> _bytes = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly StringWriter _payload = new(new StringBuilder(1024), CultureInfo.InvariantCulture);

    private EnvelopeWriter() => _writer = new Utf8JsonWriter(_bytes);

    public static EnvelopeWriter Current => _current ??= new EnvelopeWriter();

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
