using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>
/// One stored column of a kind: its SQL type and how a record's value goes into the binary COPY. The writers are typed
/// (no boxing, no per-value type lookup) and synchronous: the importer buffers, so only a full buffer touches the socket.
/// </summary>
public sealed record Column<T>(string Name, string SqlType, Action<NpgsqlBinaryImporter, T> Write);

public static class Column
{
    public static Column<T> Text<T>(string name, Func<T, string> value) =>
        new(name, "text", (copy, r) => copy.Write(value(r), NpgsqlDbType.Text));

    public static Column<T> Enum<T, TEnum>(string name, Func<T, TEnum> value)
        where TEnum : struct, System.Enum => new(name, "text", (copy, r) => copy.Write(WireName.Of(value(r)), NpgsqlDbType.Text));

    public static Column<T> Instant<T>(string name, Func<T, Timestamp?> value) => new(name, "timestamptz", (copy, r) =>
    {
        if (value(r) is { } instant)
        {
            copy.Write(instant.ToDateTime(), NpgsqlDbType.TimestampTz);
        }
        else
        {
            copy.WriteNull();
        }
    });

    public static Column<T> Double<T>(string name, Func<T, double> value) =>
        new(name, "double precision", (copy, r) => copy.Write(value(r), NpgsqlDbType.Double));

    public static Column<T> Int<T>(string name, Func<T, int> value) => new(name, "int", (copy, r) => copy.Write(value(r), NpgsqlDbType.Integer));

    public static Column<T> Long<T>(string name, Func<T, long> value) => new(name, "bigint", (copy, r) => copy.Write(value(r), NpgsqlDbType.Bigint));

    public static Column<T> Bool<T>(string name, Func<T, bool> value) => new(name, "boolean", (copy, r) => copy.Write(value(r), NpgsqlDbType.Boolean));

    public static Column<T> TextArray<T>(string name, Func<T, IEnumerable<string>> value) =>
        new(name, "text[]", (copy, r) => copy.Write(value(r).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text));

    /// <summary>A nested message (or null) as its proto JSON.</summary>
    public static Column<T> Json<T>(string name, Func<T, IMessage?> value) => new(name, "jsonb", (copy, r) =>
    {
        if (value(r) is { } message)
        {
            copy.Write(JsonFormatter.Default.Format(message), NpgsqlDbType.Jsonb);
        }
        else
        {
            copy.WriteNull();
        }
    });

    /// <summary>Repeated nested messages as a JSON array of their proto JSON.</summary>
    public static Column<T> JsonArray<T>(string name, Func<T, IEnumerable<IMessage>> value) =>
        new(name, "jsonb", (copy, r) => copy.Write("[" + string.Join(",", value(r).Select(m => JsonFormatter.Default.Format(m))) + "]", NpgsqlDbType.Jsonb));
}
