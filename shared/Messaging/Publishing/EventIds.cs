using System.Buffers.Binary;
using System.Security.Cryptography;

namespace BackOfficeCloud.Messaging.Publishing;

/// <summary>
/// CloudEvent ids: UUIDv7 (RFC 9562: 48-bit Unix milliseconds, then 74 random bits), like <see cref="Guid.CreateVersion7()"/>.
/// That one asks the kernel for 16 random bytes on every call (about 2 µs on Linux, most of an envelope's cost); this
/// draws them from a per-thread buffer refilled from the same cryptographic source a few hundred ids at a time.
/// </summary>
internal static class EventIds
{
    private const int RandomBytesPerId = 10;
    private const int IdsPerRefill = 400;

    [ThreadStatic]
    private static byte[]? _random;

    [ThreadStatic]
    private static int _used;

    public static string NewId(DateTimeOffset time)
    {
        var random = _random ??= new byte[RandomBytesPerId * IdsPerRefill];
        if (_used == 0 || _used == random.Length)
        {
            RandomNumberGenerator.Fill(random);
            _used = 0;
        }

        Span<byte> id = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(id, time.ToUnixTimeMilliseconds() << 16);
        random.AsSpan(_used, RandomBytesPerId).CopyTo(id[6..]);
        _used += RandomBytesPerId;
        id[6] = (byte)(0x70 | (id[6] & 0x0F)); // version 7
        id[8] = (byte)(0x80 | (id[8] & 0x3F)); // variant 10xx
        return new Guid(id, bigEndian: true).ToString();
    }
}
