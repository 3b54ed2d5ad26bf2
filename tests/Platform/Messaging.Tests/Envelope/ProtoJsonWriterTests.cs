using System.Buffers;
using System.Text;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Tests.Events;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Messaging.Tests.Envelope;

/// <summary>The fast writer against Google's <see cref="JsonFormatter"/>, the reference: the same bytes, or it leaves the message to it.</summary>
public class ProtoJsonWriterTests
{
    public static TheoryData<string, PayloadShapes> Written => new()
    {
        { "empty", new PayloadShapes() },
        { "defaults are omitted", new PayloadShapes { Text = "", Small = 0, Ratio = -0.0, Flag = false, Tags = { } } },
        { "plain text", new PayloadShapes { Text = "Refund request for order 4471-2209: verify and refund" } },
        { "escaped ASCII", new PayloadShapes { Text = "q\"b\\s/t\tn\nr\rf\fb\bnul\0us\u001f<tag>&='" } },
        { "controls and format characters", new PayloadShapes { Text = "\u007f\u0080\u009f\u00a0\u00ad\u0600\u0603\u06dd\u070f\u17b4\u17b5\u200b\u200f\u2028\u202e\u2060\u2064\u206a\u206f\ufeff\ufff9\ufffb\ufffc" } },
        { "non-ASCII", new PayloadShapes { Text = "é ü 日本 ☃ \u0604\u2065" } },
        { "surrogate pair", new PayloadShapes { Text = "emoji 😀 end" } },
        { "32-bit integers", new PayloadShapes { Small = int.MinValue, UnsignedSmall = uint.MaxValue } },
        { "64-bit integers", new PayloadShapes { Large = long.MinValue, UnsignedLarge = ulong.MaxValue } },
        { "doubles", new PayloadShapes { Ratio = 0.1 } },
        { "tiny double", new PayloadShapes { Ratio = 1e-300 } },
        { "huge double", new PayloadShapes { Ratio = -1.7976931348623157e308 } },
        { "integral double", new PayloadShapes { Ratio = 3e20 } },
        { "floats", new PayloadShapes { Weight = 0.1f } },
        { "huge float", new PayloadShapes { Weight = float.MaxValue } },
        { "bool", new PayloadShapes { Flag = true } },
        { "bytes", new PayloadShapes { Blob = ByteString.CopyFrom(1, 2, 250, 251, 252) } },
        { "timestamp on the second", new PayloadShapes { At = new Timestamp { Seconds = 1_774_747_800 } } },
        { "timestamp in milliseconds", new PayloadShapes { At = new Timestamp { Seconds = 1_774_747_800, Nanos = 123_000_000 } } },
        { "timestamp in microseconds", new PayloadShapes { At = new Timestamp { Seconds = 1_774_747_800, Nanos = 123_456_000 } } },
        { "timestamp in nanoseconds", new PayloadShapes { At = new Timestamp { Seconds = 1_774_747_800, Nanos = 1 } } },
        { "earliest timestamp", new PayloadShapes { At = new Timestamp { Seconds = -62_135_596_800 } } },
        { "latest timestamp", new PayloadShapes { At = new Timestamp { Seconds = 253_402_300_799, Nanos = 999_999_999 } } },
        { "zero timestamp", new PayloadShapes { At = new Timestamp() } },
        { "nested", new PayloadShapes { Nested = new PayloadShapes.Types.Nested { Name = "n", Values = { 1, -2, long.MaxValue }, When = new Timestamp { Seconds = 5 } } } },
        { "empty nested", new PayloadShapes { Nested = new PayloadShapes.Types.Nested() } },
        { "repeated", new PayloadShapes { Items = { new PayloadShapes.Types.Nested { Name = "a" }, new PayloadShapes.Types.Nested() }, Tags = { "x", "", "<y>" } } },
        { "optional at its default", new PayloadShapes { Maybe = 0 } },
        { "optional", new PayloadShapes { Maybe = 7 } },
        { "oneof", new PayloadShapes { Right = "" } },
    };

    [Theory]
    [MemberData(nameof(Written))]
    public void Writes_what_the_reference_formatter_writes(string shape, PayloadShapes message)
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.True(ProtoJsonWriter.TryWrite(message, output), shape);

        Assert.Equal(JsonFormatter.Default.Format(message), Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Writes_a_contract_payload_as_the_reference_formatter_does()
    {
        var message = new WorkItemReceived { ItemId = "item-7", EffortMinutes = 12, Deadline = new Timestamp { Seconds = 1_774_747_800 }, Note = "ok" };
        var output = new ArrayBufferWriter<byte>();

        Assert.True(ProtoJsonWriter.TryWrite(message, output));

        Assert.Equal(JsonFormatter.Default.Format(message), Encoding.UTF8.GetString(output.WrittenSpan));
    }

    public static TheoryData<string, IMessage> LeftToTheReference => new()
    {
        { "enum", new PayloadShapes { Kind = PayloadShapes.Types.Kind.Call } },
        { "map", new PayloadShapes { Counts = { ["a"] = 1 } } },
        { "NaN", new PayloadShapes { Ratio = double.NaN } },
        { "infinity", new PayloadShapes { Weight = float.NegativeInfinity } },
        { "lone surrogate", new PayloadShapes { Text = "a\ud800b" } },
        { "timestamp out of range", new PayloadShapes { At = new Timestamp { Seconds = 253_402_300_800 } } },
        { "negative nanos", new PayloadShapes { At = new Timestamp { Seconds = 5, Nanos = -1 } } },
        { "well-known type", new Timestamp { Seconds = 5 } },
    };

    [Theory]
    [MemberData(nameof(LeftToTheReference))]
    public void Leaves_what_it_does_not_cover_to_the_reference_formatter(string shape, IMessage message)
    {
        Assert.False(ProtoJsonWriter.TryWrite(message, new ArrayBufferWriter<byte>()), shape);
    }

    [Fact]
    public void An_envelope_carries_the_payload_as_the_reference_formatter_writes_it_or_fails_as_it_does()
    {
        var factory = new BackOfficeCloud.Messaging.Publishing.EnvelopeFactory("ingestion", TimeProvider.System);
        var enumPayload = new PayloadShapes { Kind = PayloadShapes.Types.Kind.Call, Text = "t" };
        var lone = new PayloadShapes { Text = "a\ud800b" };

        var envelope = CloudEventJson.Parse(factory.Create(new("t", "type", "acme", "e-1", enumPayload)).Envelope);

        Assert.Equal(JsonFormatter.Default.Format(enumPayload), envelope.Data);
        Assert.Throws<ArgumentException>(() => factory.Create(new("t", "type", "acme", "e-2", lone)));
    }
}
