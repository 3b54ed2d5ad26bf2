using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>
/// One stored column of a kind: its SQL type and how a batch's values become one array parameter of the upsert (one
/// typed array per column, no boxing). PostgreSQL has no arrays of arrays, so an array column travels as the text of
/// each row's array and is cast back in the statement (<see cref="Select"/>).
/// </summary>
public sealed record Column<T>(string Name, string SqlType, Func<IReadOnlyList<T>, NpgsqlParameter> Values, bool SentAsText = false)
{
    /// <summary>The column's value in the upsert's <c>SELECT</c> over <c>unnest</c> of the parameters (alias <c>s</c>).</summary>
    public string Select => SentAsText ? $"s.{Name}::{SqlType}" : $"s.{Name}";
}

public static class Column
{
    public static Column<T> Text<T>(string name, Func<T, string> value) => new(name, "text", rows => Array(rows, value, NpgsqlDbType.Text));

    public static Column<T> Enum<T, TEnum>(string name, Func<T, TEnum> value)
        where TEnum : struct, System.Enum => new(name, "text", rows => Array(rows, r => WireName.Of(value(r)), NpgsqlDbType.Text));

    /// <summary>A timestamp, sent in PostgreSQL's own form (see <see cref="PostgresTimestamp"/>).</summary>
    public static Column<T> Instant<T>(string name, Func<T, Timestamp?> value) =>
        new(name, "timestamptz", rows => Array(rows, r => value(r) is { } instant ? PostgresTimestamp.Micros(instant.ToDateTime()) : (long?)null, NpgsqlDbType.TimestampTz));

    public static Column<T> Double<T>(string name, Func<T, double> value) => new(name, "double precision", rows => Array(rows, value, NpgsqlDbType.Double));

    public static Column<T> Int<T>(string name, Func<T, int> value) => new(name, "int", rows => Array(rows, value, NpgsqlDbType.Integer));

    public static Column<T> Long<T>(string name, Func<T, long> value) => new(name, "bigint", rows => Array(rows, value, NpgsqlDbType.Bigint));

    public static Column<T> Bool<T>(string name, Func<T, bool> value) => new(name, "boolean", rows => Array(rows, value, NpgsqlDbType.Boolean));

    public static Column<T> TextArray<T>(string name, Func<T, IReadOnlyCollection<string>> value) =>
        new(name, "text[]", rows => Array(rows, r => ArrayLiteral(value(r)), NpgsqlDbType.Text), SentAsText: true);

    /// <summary>A nested message (or null) as its proto JSON.</summary>
    public static Column<T> Json<T>(string name, Func<T, IMessage?> value) =>
        new(name, "jsonb", rows => Array(rows, r => value(r) is { } message ? JsonFormatter.Default.Format(message) : null, NpgsqlDbType.Jsonb));

    /// <summary>Repeated nested messages as a JSON array of their proto JSON.</summary>
    public static Column<T> JsonArray<T>(string name, Func<T, IEnumerable<IMessage>> value) =>
        new(name, "jsonb", rows => Array(rows, r => "[" + string.Join(",", value(r).Select(m => JsonFormatter.Default.Format(m))) + "]", NpgsqlDbType.Jsonb));

    private static NpgsqlParameter Array<T, TValue>(IReadOnlyList<T> rows, Func<T, TValue> value, NpgsqlDbType type)
    {
        var values = new TValue[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(rows[i]);
        }

        return new NpgsqlParameter<TValue[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | type };
    }

    /// <summary>PostgreSQL's text form of a text array: every element quoted, backslash and quote escaped.</summary>
    private static string ArrayLiteral(IReadOnlyCollection<string> elements)
    {
        if (elements.Count == 0)
        {
            return "{}";
        }

        var text = new StringBuilder("{");
        foreach (var element in elements)
        {
            text.Append(text.Length == 1 ? "\"" : ",\"").Append(element.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
        }

        return text.Append('}').ToString();
    }
}
