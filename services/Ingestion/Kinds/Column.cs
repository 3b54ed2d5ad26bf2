using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>One stored column of a kind: its SQL type and how a record's value is read for the binary COPY.</summary>
public sealed record Column<T>(string Name, string SqlType, NpgsqlDbType DbType, Func<T, object?> Value);

public static class Column
{
    public static Column<T> Text<T>(string name, Func<T, string> value) => new(name, "text", NpgsqlDbType.Text, r => value(r));

    public static Column<T> Enum<T, TEnum>(string name, Func<T, TEnum> value)
        where TEnum : struct, System.Enum => new(name, "text", NpgsqlDbType.Text, r => WireName.Of(value(r)));

    public static Column<T> Instant<T>(string name, Func<T, Timestamp?> value) =>
        new(name, "timestamptz", NpgsqlDbType.TimestampTz, r => value(r)?.ToDateTime());

    public static Column<T> Double<T>(string name, Func<T, double> value) => new(name, "double precision", NpgsqlDbType.Double, r => value(r));

    public static Column<T> Int<T>(string name, Func<T, int> value) => new(name, "int", NpgsqlDbType.Integer, r => value(r));

    public static Column<T> Long<T>(string name, Func<T, long> value) => new(name, "bigint", NpgsqlDbType.Bigint, r => value(r));

    public static Column<T> Bool<T>(string name, Func<T, bool> value) => new(name, "boolean", NpgsqlDbType.Boolean, r => value(r));

    public static Column<T> TextArray<T>(string name, Func<T, IEnumerable<string>> value) =>
        new(name, "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, r => value(r).ToArray());

    /// <summary>A nested message (or null) as its proto JSON.</summary>
    public static Column<T> Json<T>(string name, Func<T, IMessage?> value) =>
        new(name, "jsonb", NpgsqlDbType.Jsonb, r => value(r) is { } message ? JsonFormatter.Default.Format(message) : null);

    /// <summary>Repeated nested messages as a JSON array of their proto JSON.</summary>
    public static Column<T> JsonArray<T>(string name, Func<T, IEnumerable<IMessage>> value) =>
        new(name, "jsonb", NpgsqlDbType.Jsonb, r => "[" + string.Join(",", value(r).Select(m => JsonFormatter.Default.Format(m))) + "]");
}
