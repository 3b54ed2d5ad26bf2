using System.Text.Json;

namespace BackOfficeCloud.Messaging.Envelope;

/// <summary>
/// A thread's last decoded value of each repetitive CloudEvent attribute (source, type, tenant, ...), with its UTF-8 bytes:
/// a consumer reads long runs of events from one publisher, type and tenant, and then decodes each of those strings once.
/// </summary>
internal sealed class RecentStrings
{
    private const int Slots = 4;
    private const int LongestKept = 128;

    [ThreadStatic]
    private static RecentStrings? _current;

    private readonly byte[]?[] _utf8 = new byte[]?[Slots];
    private readonly string?[] _text = new string?[Slots];

    public static RecentStrings Current => _current ??= new RecentStrings();

    /// <summary>The reader's string value (the reader is on it), the same instance as last time in this slot if the bytes are equal.</summary>
    public string Get(int slot, ref Utf8JsonReader reader)
    {
        var value = reader.ValueSpan;
        if (reader.ValueIsEscaped || value.Length > LongestKept)
        {
            return reader.GetString()!;
        }

        if (_utf8[slot] is { } last && value.SequenceEqual(last))
        {
            return _text[slot]!;
        }

        _utf8[slot] = value.ToArray();
        return _text[slot] = reader.GetString()!;
    }
}
