using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Validation;
using BackOfficeCloud.Planning.Calendar;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Ingestion.Imports;

/// <summary>
/// Sets one field of a record from a CSV cell, by the field's proto type: numbers and booleans invariant, enums by
/// short or full name, timestamps with their own offset or else in the mapping's zone (and date format), repeated text
/// split on ';', nested messages as their proto JSON.
/// </summary>
public sealed partial class FieldBinder
{
    private const int MaxEnumSpellings = 64;

    private readonly FieldDescriptor _field;
    private readonly string? _dateFormat;
    private readonly TimeZoneInfo _zone;

    // an enum column holds a handful of spellings ("voice", "Voice", …): each is looked up once
    private readonly Dictionary<string, object?> _enumSpellings = new(StringComparer.Ordinal);

    public FieldBinder(FieldDescriptor field, string? dateFormat, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(field);
        _field = field;
        _dateFormat = string.IsNullOrWhiteSpace(dateFormat) ? null : dateFormat;
        _zone = zone;
    }

    public string FieldName => _field.Name;

    public void Bind(IMessage record, string cell, RowErrors errors)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(errors);
        if (cell.Length == 0)
        {
            return;
        }

        if (_field.FieldType == FieldType.Message && _field.MessageType.FullName != Timestamp.Descriptor.FullName)
        {
            BindJson(record, cell, errors);
            return;
        }

        if (_field.IsRepeated)
        {
            var list = (IList)_field.Accessor.GetValue(record);
            foreach (var part in cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Parse(part, errors) is { } value)
                {
                    list.Add(value);
                }
            }

            return;
        }

        if (Parse(cell, errors) is { } parsed)
        {
            _field.Accessor.SetValue(record, parsed);
        }
    }

    private object? Parse(string text, RowErrors errors)
    {
        object? value = _field.FieldType switch
        {
            FieldType.String => text,
            FieldType.Double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            FieldType.Float => float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : null,
            FieldType.Int32 => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            FieldType.Int64 => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            FieldType.Bool => ParseBool(text),
            FieldType.Enum => EnumValue(text),
            FieldType.Message => ParseInstant(text) is { } instant ? Timestamp.FromDateTimeOffset(instant) : null,
            _ => null,
        };
        if (value is null)
        {
            errors.Fail(_field.Name, text, Expected());
        }

        return value;
    }

    private string Expected() => _field.FieldType switch
    {
        FieldType.Double or FieldType.Float => "is not a number",
        FieldType.Int32 or FieldType.Int64 => "is not a whole number",
        FieldType.Bool => "is not true/false",
        FieldType.Enum => "must be one of " + string.Join(", ", WireName.Names(_field.EnumType)),
        FieldType.Message => _dateFormat is null ? "is not a date and time (ISO 8601, with an offset or in the mapping's time zone)" : $"does not match the date format {_dateFormat}",
        _ => "is not a supported value",
    };

    private object? EnumValue(string text)
    {
        if (_enumSpellings.TryGetValue(text, out var known))
        {
            return known;
        }

        var value = WireName.Parse(_field.EnumType, text) is { } e ? System.Enum.ToObject(_field.EnumType.ClrType, e.Number) : null;
        if (_enumSpellings.Count < MaxEnumSpellings)
        {
            _enumSpellings[text] = value;
        }

        return value;
    }

    private static bool? ParseBool(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "Y" or "T" => true,
        "FALSE" or "0" or "NO" or "N" or "F" => false,
        _ => null,
    };

    private DateTimeOffset? ParseInstant(string text)
    {
        text = text.Trim();
        if (OffsetSuffix().IsMatch(text))
        {
            // the round-trip form ("O", as .NET and many exports write it) has a fast exact parser; anything else ISO-like
            // takes the general one
            var format = _dateFormat ?? "O";
            return DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) ? exact
                : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) ? withOffset : null;
        }

        var parsed = _dateFormat is null
            ? DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            : DateTime.TryParseExact(text, _dateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
        return parsed ? LocalTime.ToUtc(_zone, local) : null;
    }

    private void BindJson(IMessage record, string cell, RowErrors errors)
    {
        try
        {
            var partial = JsonParser.Default.Parse($"{{\"{_field.JsonName}\": {cell}}}", record.Descriptor);
            record.MergeFrom(partial.ToByteString());
        }
        catch (InvalidProtocolBufferException e)
        {
            errors.Fail(_field.Name, cell, "is not valid JSON for this field: " + e.Message);
        }
        catch (InvalidJsonException e)
        {
            errors.Fail(_field.Name, cell, "is not valid JSON for this field: " + e.Message);
        }
    }

    [GeneratedRegex(@"\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetSuffix();
}
