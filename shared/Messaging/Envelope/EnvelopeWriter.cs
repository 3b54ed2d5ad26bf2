using System.Buffers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>
/// A thread's reusable buffers for writing envelopes: the envelope's bytes, its JSON writer, the payload's JSON, and the
/// CloudEvents batch being joined. What a write returns is valid until the thread's next write.
/// </summary>
internal sealed class EnvelopeWriter
{
    [ThreadStatic]
    private static EnvelopeWriter? _current;

    private readonly ArrayBufferWriter<byte> _bytes = new(1024);
    private readonly ArrayBufferWriter<byte> _data = new(1024);
    private readonly Utf8JsonWriter _writer;

    private EnvelopeWriter() => _writer = new Utf8JsonWriter(_bytes);

    public static EnvelopeWriter Current => _current ??= new EnvelopeWriter();

    /// <summary>The envelope being joined into a CloudEvents batch (see <c>EnvelopeFactory.Join</c>).</summary>
    public ArrayBufferWriter<byte> Batch { get; } = new(64 * 1024);

    /// <summary>The envelope of <paramref name="attributes"/> (its data unused) around <paramref name="payload"/>'s proto3 JSON.</summary>
    public ReadOnlySpan<byte> Write(CloudEvent attributes, IMessage payload)
    {
        _data.ResetWrittenCount();
        if (!ProtoJsonWriter.TryWrite(payload, _data))
        {
            _data.ResetWrittenCount();
            var text = JsonFormatter.Default.Format(payload);
            _data.Advance(Encoding.UTF8.GetBytes(text, _data.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length))));
        }

        WriteAttributes(attributes);
        // Both writers write JSON by construction: no need to validate it again.
        _writer.WriteRawValue(_data.WrittenSpan, skipInputValidation: true);
        return Finish();
    }

    /// <summary>The envelope of a CloudEvent whose data is JSON text of unknown origin (validated).</summary>
    public ReadOnlySpan<byte> Write(CloudEvent cloudEvent)
    {
        WriteAttributes(cloudEvent);
        _writer.WriteRawValue(cloudEvent.Data);
        return Finish();
    }

    // Every attribute, up to the name of data.
    private void WriteAttributes(CloudEvent attributes)
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
    }

    private ReadOnlySpan<byte> Finish()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        return _bytes.WrittenSpan;
    }
}
