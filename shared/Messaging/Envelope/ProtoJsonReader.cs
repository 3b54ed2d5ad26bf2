using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>
/// Reads the proto3 JSON of the payloads events carry (strings, numbers, bools, timestamps, nested and repeated messages)
/// with <see cref="Utf8JsonReader"/> and the messages' descriptors, several times faster than Google's
/// <see cref="JsonParser"/>, which tokenizes character by character through a <see cref="TextReader"/>. Anything else
/// (enums, bytes, maps, other well-known types, NaN, a timestamp not in UTC, malformed JSON) makes it give up, and the
/// caller parses with <see cref="JsonParser"/>, whose results and errors then stand.
/// </summary>
internal static class ProtoJsonReader
{
    private static readonly ConcurrentDictionary<MessageDescriptor, Dictionary<string, FieldDescriptor>> FieldsByName = new();

    public static bool TryParse<TMessage>(string json, out TMessage message) where TMessage : IMessage<TMessage>, new()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            return TryParse(buffer.AsSpan(0, Encoding.UTF8.GetBytes(json, buffer)), out message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static bool TryParse<TMessage>(ReadOnlySpan<byte> utf8Json, out TMessage message) where TMessage : IMessage<TMessage>, new()
    {
        message = new TMessage();
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            return reader.Read() && TryReadMessage(ref reader, message) && !reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }

    // The reader is on the message's StartObject; it is left on its EndObject.
    private static bool TryReadMessage(ref Utf8JsonReader reader, IMessage message)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var fields = FieldsByName.GetOrAdd(message.Descriptor, IndexFields).GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> name = stackalloc char[128];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueSpan.Length > name.Length)
            {
                return false;
            }

            var known = fields.TryGetValue(name[..reader.CopyString(name)], out var field);
            reader.Read();
            if (!known)
            {
                reader.Skip(); // unknown fields are ignored, as ProtoJson's parser is told to
            }
            else if (reader.TokenType == JsonTokenType.Null || field!.IsMap || field.RealContainingOneof is not null)
            {
                return false;
            }
            else if (field.IsRepeated ? !TryReadRepeated(ref reader, field, (IList)field.Accessor.GetValue(message)) : !TryReadSingular(ref reader, field, message))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryReadRepeated(ref Utf8JsonReader reader, FieldDescriptor field, IList list)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryReadValue(ref reader, field, out var value))
            {
                return false;
            }

            list.Add(value);
        }

        return true;
    }

    private static bool TryReadSingular(ref Utf8JsonReader reader, FieldDescriptor field, IMessage message)
    {
        if (!TryReadValue(ref reader, field, out var value))
        {
            return false;
        }

        field.Accessor.SetValue(message, value);
        return true;
    }

    private static bool TryReadValue(ref Utf8JsonReader reader, FieldDescriptor field, out object value)
    {
        value = null!;
        var token = reader.TokenType;
        switch (field.FieldType)
        {
            case FieldType.String when token == JsonTokenType.String:
                value = reader.GetString()!;
                return true;
            case FieldType.Bool when token is JsonTokenType.True or JsonTokenType.False:
                value = reader.GetBoolean();
                return true;
            case FieldType.Double when token == JsonTokenType.Number && reader.TryGetDouble(out var number) && double.IsFinite(number):
                value = number;
                return true;
            case FieldType.Float when token == JsonTokenType.Number && reader.TryGetSingle(out var single) && float.IsFinite(single):
                value = single;
                return true;
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 when TryReadInteger(ref reader, out var integer) && integer is >= int.MinValue and <= int.MaxValue:
                value = (int)integer;
                return true;
            case FieldType.UInt32 or FieldType.Fixed32 when TryReadInteger(ref reader, out var integer) && integer is >= 0 and <= uint.MaxValue:
                value = (uint)integer;
                return true;
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 when TryReadInteger(ref reader, out var integer):
                value = integer;
                return true;
            case FieldType.Message when field.MessageType.ClrType == typeof(Timestamp):
                return TryReadTimestamp(ref reader, out value);
            case FieldType.Message when field.MessageType.File.Package != "google.protobuf":
                var nested = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
                value = nested;
                return TryReadMessage(ref reader, nested);
            default:
                return false; // enums, bytes, unsigned 64-bit, well-known types but Timestamp, or a token of the wrong kind
        }
    }

    // proto3 JSON writes 64-bit integers as strings and takes 32-bit ones either way.
    private static bool TryReadInteger(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetInt64(out value),
            JsonTokenType.String => !reader.ValueIsEscaped && System.Buffers.Text.Utf8Parser.TryParse(reader.ValueSpan, out value, out var consumed)
                                    && consumed == reader.ValueSpan.Length,
            _ => false,
        };
    }

    // Only the UTC form JsonFormatter writes ("...Z") to 100 ns (7 digits: DateTimeOffset's precision); anything else is left to JsonParser.
    private static bool TryReadTimestamp(ref Utf8JsonReader reader, out object value)
    {
        value = null!;
        var text = reader.ValueSpan;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || text.Length is < 20 or > 28 || text[10] != 'T' || text[^1] != 'Z'
            || !reader.TryGetDateTimeOffset(out var time))
        {
            return false;
        }

        value = Timestamp.FromDateTimeOffset(time);
        return true;
    }

    private static Dictionary<string, FieldDescriptor> IndexFields(MessageDescriptor descriptor)
    {
        var fields = new Dictionary<string, FieldDescriptor>(StringComparer.Ordinal);
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            fields[field.Name] = field;
            fields[field.JsonName] = field;
        }

        return fields;
    }
}
