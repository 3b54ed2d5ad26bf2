using System.Collections.Concurrent;
using System.Text;
using Google.Protobuf.Reflection;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>
/// The name an enum value is stored, published and read from files under: its proto name without the enum's prefix,
/// lower case (<c>CHANNEL_BACK_OFFICE</c> → <c>back_office</c>).
/// </summary>
public static class WireName
{
    private static readonly ConcurrentDictionary<System.Enum, string> Cache = new();

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, System.Enum => Cache.GetOrAdd(value, static v =>
        {
            var field = v.GetType().GetField(v.ToString());
            var protoName = field?.GetCustomAttributes(typeof(OriginalNameAttribute), false).OfType<OriginalNameAttribute>().FirstOrDefault()?.Name
                ?? v.ToString();
            return Strip(protoName, Prefix(v.GetType().Name));
        });

    /// <summary>The value named <paramref name="text"/> (short or full proto name, any case); null if there is none.</summary>
    public static EnumValueDescriptor? Parse(EnumDescriptor type, string text)
    {
        ArgumentNullException.ThrowIfNull(type);
        var upper = text.Trim().ToUpperInvariant().Replace('-', '_').Replace(' ', '_');
        var value = type.FindValueByName(upper) ?? type.FindValueByName(Prefix(type.Name) + upper);
        return value is null || value.Number == 0 ? null : value;
    }

    /// <summary>The short names of an enum's values, its zero value left out.</summary>
    public static IEnumerable<string> Names(EnumDescriptor type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Values.Where(v => v.Number != 0).Select(v => Strip(v.Name, Prefix(type.Name)));
    }

    private static string Prefix(string enumName)
    {
        var prefix = new StringBuilder();
        for (var i = 0; i < enumName.Length; i++)
        {
            if (i > 0 && char.IsUpper(enumName[i]))
            {
                prefix.Append('_');
            }

            prefix.Append(char.ToUpperInvariant(enumName[i]));
        }

        return prefix.Append('_').ToString();
    }

    private static string Strip(string protoName, string prefix) =>
        (protoName.StartsWith(prefix, StringComparison.Ordinal) ? protoName[prefix.Length..] : protoName).ToLowerInvariant();
}
