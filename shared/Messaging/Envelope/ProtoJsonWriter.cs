using System.Buffers;
using System.Buffers.Text;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>
/// Writes a payload's proto3 JSON as UTF-8, byte for byte what Google's <see cref="JsonFormatter.Default"/> writes (its
/// spacing, field order, escaping and number forms), guided by the message's descriptor: the mirror of
/// <see cref="ProtoJsonReader"/>. <see cref="JsonFormatter"/> writes each character through a <see cref="TextWriter"/> and
/// its text is then transcoded; this writes strings, numbers, bools, bytes, UTC timestamps, nested and repeated messages
/// straight into the envelope's buffer. For anything else (enums, maps, other well-known types, NaN and infinities, a
/// string with a lone surrogate, a timestamp out of range) it gives up, and the caller formats with <see cref="JsonFormatter"/>,
/// whose text or error then stands.
/// </summary>
internal static class ProtoJsonWriter
{
    private const int LongestNumber = 32;
    private const long MinTimestampSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxTimestampSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    private static readonly ConcurrentDictionary<MessageDescriptor, FieldPlan[]> Plans = new();

    // Characters JsonFormatter writes as they are: printable ASCII but the quote, the backslash, '<' and '>'.
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        string.Concat(Enumerable.Range(0x20, 0x7f - 0x20).Select(c => (char)c).Where(c => c is not ('"' or '\\' or '<' or '>'))));

    /// <summary>Appends the message's JSON to <paramref name="output"/>; false (with part of it written) when it is left to JsonFormatter.</summary>
    public static bool TryWrite(IMessage message, IBufferWriter<byte> output) =>
        !IsWellKnown(message.Descriptor) && TryWriteMessage(message, output);

    private static bool TryWriteMessage(IMessage message, IBufferWriter<byte> output)
    {
        output.Write("{ "u8);
        var first = true;
        foreach (var plan in Plans.GetOrAdd(message.Descriptor, Plan))
        {
            var field = plan.Field;
            var value = field.Accessor.GetValue(message);
            if (field.HasPresence ? !field.Accessor.HasValue(message) : IsDefault(field, value))
            {
                continue;
            }

            if (!plan.Covered)
            {
                return false;
            }

            if (!first)
            {
                output.Write(", "u8);
            }

            first = false;
            output.Write(plan.Name);
            if (!(field.IsRepeated ? TryWriteList(field, (IList)value, output) : TryWriteValue(field, value, output)))
            {
                return false;
            }
        }

        output.Write(first ? "}"u8 : " }"u8);
        return true;
    }

    private static bool TryWriteList(FieldDescriptor field, IList values, IBufferWriter<byte> output)
    {
        output.Write("[ "u8);
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                output.Write(", "u8);
            }

            if (!TryWriteValue(field, values[i]!, output))
            {
                return false;
            }
        }

        output.Write(" ]"u8);
        return true;
    }

    private static bool TryWriteValue(FieldDescriptor field, object value, IBufferWriter<byte> output)
    {
        switch (value)
        {
            case string text:
                return TryWriteString(text, output);
            case bool flag:
                output.Write(flag ? "true"u8 : "false"u8);
                return true;
            case int or uint:
                WriteInteger((IUtf8SpanFormattable)value, output);
                return true;
            case long or ulong:
                output.Write("\""u8);
                WriteInteger((IUtf8SpanFormattable)value, output);
                output.Write("\""u8);
                return true;
            case double number when double.IsFinite(number):
                WriteFloatingPoint(number, output);
                return true;
            case float number when float.IsFinite(number):
                WriteFloatingPoint(number, output);
                return true;
            case ByteString bytes:
                WriteBase64(bytes.Span, output);
                return true;
            case Timestamp timestamp:
                return TryWriteTimestamp(timestamp, output);
            case IMessage nested when field.FieldType == FieldType.Message:
                return TryWrite(nested, output);
            default:
                return false; // NaN or an infinity (JsonFormatter quotes them), an enum
        }
    }

    // JsonFormatter.WriteString: the quote, the backslash, '<', '>', controls, DEL and C1 controls, some invisible and
    // format characters, and both halves of a surrogate pair as \uXXXX (lower-case hex); everything else as it is.
    private static bool TryWriteString(string text, IBufferWriter<byte> output)
    {
        output.Write("\""u8);
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            var plain = span.IndexOfAnyExcept(Plain);
            var run = plain < 0 ? span : span[..plain];
            var bytes = output.GetSpan(run.Length);
            output.Advance(Encoding.UTF8.GetBytes(run, bytes));
            if (plain < 0)
            {
                break;
            }

            var c = span[plain];
            span = span[(plain + 1)..];
            if (char.IsHighSurrogate(c) && !span.IsEmpty && char.IsLowSurrogate(span[0]))
            {
                WriteEscaped(c, output);
                WriteEscaped(span[0], output);
                span = span[1..];
            }
            else if (char.IsSurrogate(c))
            {
                return false; // JsonFormatter refuses a lone surrogate: let it say so
            }
            else if (Escaped(c) is { IsEmpty: false } escape)
            {
                output.Write(escape);
            }
            else if (IsHexEscaped(c))
            {
                WriteEscaped(c, output);
            }
            else
            {
                var encoded = output.GetSpan(3);
                output.Advance(new Rune(c).EncodeToUtf8(encoded));
            }
        }

        output.Write("\""u8);
        return true;
    }

    private static ReadOnlySpan<byte> Escaped(char c) => c switch
    {
        '"' => "\\\""u8,
        '\\' => "\\\\"u8,
        '\b' => "\\b"u8,
        '\t' => "\\t"u8,
        '\n' => "\\n"u8,
        '\f' => "\\f"u8,
        '\r' => "\\r"u8,
        _ => default,
    };

    private static bool IsHexEscaped(char c) =>
        c < 0x20 || c is '<' or '>' || c is >= '\u007f' and <= '\u009f'
        || c is '\u00ad' or '\u06dd' or '\u070f' or '\u17b4' or '\u17b5' or '\ufeff' or '\ufff9' or '\ufffa' or '\ufffb'
        || c is >= '\u0600' and <= '\u0603' || c is >= '\u200b' and <= '\u200f' || c is >= '\u2028' and <= '\u202e'
        || c is >= '\u2060' and <= '\u2064' || c is >= '\u206a' and <= '\u206f';

    private static void WriteEscaped(char c, IBufferWriter<byte> output)
    {
        var escape = output.GetSpan(6);
        escape[0] = (byte)'\\';
        escape[1] = (byte)'u';
        ((ushort)c).TryFormat(escape[2..], out _, "x4", CultureInfo.InvariantCulture);
        output.Advance(6);
    }

    private static void WriteInteger(IUtf8SpanFormattable value, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(LongestNumber);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    // The shortest text that reads back as the same number ("R"), with a lower-case exponent as JsonFormatter writes it.
    private static void WriteFloatingPoint<T>(T value, IBufferWriter<byte> output) where T : IUtf8SpanFormattable
    {
        var span = output.GetSpan(LongestNumber);
        value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
        span[..written].Replace((byte)'E', (byte)'e');
        output.Advance(written);
    }

    private static void WriteBase64(ReadOnlySpan<byte> bytes, IBufferWriter<byte> output)
    {
        output.Write("\""u8);
        var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(bytes.Length));
        Base64.EncodeToUtf8(bytes, span, out _, out var written);
        output.Advance(written);
        output.Write("\""u8);
    }

    // Timestamp.ToJson: "yyyy-MM-ddTHH:mm:ss", then 3, 6 or 9 digits of fraction when there is one, then "Z".
    private static bool TryWriteTimestamp(Timestamp timestamp, IBufferWriter<byte> output)
    {
        if (timestamp.Nanos is < 0 or > 999_999_999 || timestamp.Seconds is < MinTimestampSeconds or > MaxTimestampSeconds)
        {
            return false; // JsonFormatter refuses a timestamp that is not normalized: let it say so
        }

        var span = output.GetSpan(40);
        span[0] = (byte)'"';
        DateTime.UnixEpoch.AddSeconds(timestamp.Seconds).TryFormat(span[1..], out var written, "yyyy'-'MM'-'dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        written++;
        var nanos = timestamp.Nanos;
        if (nanos != 0)
        {
            span[written++] = (byte)'.';
            var (fraction, digits) = nanos % 1_000_000 == 0 ? (nanos / 1_000_000, "d3") : nanos % 1000 == 0 ? (nanos / 1000, "d6") : (nanos, "d9");
            fraction.TryFormat(span[written..], out var fractionWritten, digits, CultureInfo.InvariantCulture);
            written += fractionWritten;
        }

        "Z\""u8.CopyTo(span[written..]);
        output.Advance(written + 2);
        return true;
    }

    // JsonFormatter.IsDefaultValue: what a field without presence holds when it is not written.
    private static bool IsDefault(FieldDescriptor field, object value) =>
        field.IsMap ? ((IDictionary)value).Count == 0
        : field.IsRepeated ? ((IList)value).Count == 0
        : value switch
        {
            string text => text.Length == 0,
            bool flag => !flag,
            int number => number == 0,
            uint number => number == 0,
            long number => number == 0,
            ulong number => number == 0,
            double number => number == 0,
            float number => number == 0,
            ByteString bytes => bytes.IsEmpty,
            System.Enum number => Convert.ToInt32(number, CultureInfo.InvariantCulture) == 0,
            _ => false,
        };

    private static bool IsWellKnown(MessageDescriptor descriptor) => descriptor.File.Package == "google.protobuf";

    private static FieldPlan[] Plan(MessageDescriptor descriptor) =>
    [
        .. descriptor.Fields.InFieldNumberOrder().Select(f => new FieldPlan(
            f, Encoding.UTF8.GetBytes($"\"{f.JsonName}\": "),
            Covered: !f.IsMap && f.FieldType is not (FieldType.Enum or FieldType.Group)
                     && (f.FieldType != FieldType.Message || !IsWellKnown(f.MessageType) || f.MessageType.ClrType == typeof(Timestamp)))),
    ];

    /// <param name="Name">The field's JSON name as JsonFormatter writes it, with the separator: <c>"jsonName": </c>.</param>
    /// <param name="Covered">Whether this writer writes the field's values (else a message with one is left to JsonFormatter).</param>
    private sealed record FieldPlan(FieldDescriptor Field, byte[] Name, bool Covered);
}
