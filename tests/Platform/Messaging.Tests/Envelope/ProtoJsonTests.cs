using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Tests.Events;
using Google.Protobuf;

namespace BackOfficeCloud.Messaging.Tests.Envelope;

/// <summary>The fast reader against Google's <see cref="JsonParser"/>, the reference: same message, or the same error.</summary>
public class ProtoJsonTests
{
    private static readonly JsonParser Reference = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    [Theory]
    [InlineData("""{"text":"a \"q\" \u00e9 \u2603","small":-5,"large":"9007199254740993","unsignedSmall":4000000000,"ratio":0.1,"weight":1.5,"flag":true,"at":"2026-03-29T01:30:00.123Z","nested":{"name":"n","values":["1","-2"],"when":"2026-03-29T01:30:00Z"},"items":[{"name":"a"},{"name":"b","values":[]}],"tags":["x","y"],"maybe":0}""")]
    [InlineData("""{"unsigned_small":1,"large":12,"small":"12","ratio":-0,"weight":3e2,"flag":false,"at":"0001-01-01T00:00:00Z"}""")]
    [InlineData("""{"text":"a","extra":{"deep":[1,{"x":null}]},"more":null,"itemId":"unknown"}""")]
    [InlineData("""{}""")]
    public void Payload_JSON_is_read_without_the_reference_parser_and_gives_its_message(string json)
    {
        Assert.True(ProtoJsonReader.TryParse<PayloadShapes>(json, out var message));
        Assert.Equal(Reference.Parse<PayloadShapes>(json), message);
        Assert.Equal(Reference.Parse<PayloadShapes>(json), ProtoJson.Parse<PayloadShapes>(json));
    }

    [Theory]
    [InlineData("""{"text":"a","kind":"KIND_CALL"}""")]
    [InlineData("""{"counts":{"a":1,"b":2}}""")]
    [InlineData("""{"blob":"AQI="}""")]
    [InlineData("""{"unsignedLarge":"18446744073709551615"}""")]
    [InlineData("""{"at":"2026-03-29T03:30:00+02:00"}""")]
    [InlineData("""{"at":"2026-03-29T01:30:00.123456789Z"}""")]
    [InlineData("""{"text":null,"small":1}""")]
    [InlineData("""{"ratio":"NaN"}""")]
    [InlineData("""{"left":"l"}""")]
    [InlineData("""{"small":1.0}""")]
    public void What_the_reader_leaves_alone_is_parsed_by_the_reference_parser(string json)
    {
        Assert.False(ProtoJsonReader.TryParse<PayloadShapes>(json, out _));
        Assert.Equal(Reference.Parse<PayloadShapes>(json), ProtoJson.Parse<PayloadShapes>(json));
    }

    [Theory]
    [InlineData("""{"small":3000000000}""")]
    [InlineData("""{"text":5}""")]
    [InlineData("""{"items":[null]}""")]
    [InlineData("""{"text":"a" """)]
    [InlineData("""{"text":"a"} {}""")]
    public void JSON_the_reference_parser_refuses_is_refused_with_its_error(string json)
    {
        var expected = Record.Exception(() => Reference.Parse<PayloadShapes>(json));

        var actual = Record.Exception(() => ProtoJson.Parse<PayloadShapes>(json));

        Assert.NotNull(expected);
        Assert.Equal(expected.GetType(), actual?.GetType());
    }

    [Fact]
    public void A_message_survives_the_formatter_and_the_reader()
    {
        var message = new PayloadShapes
        {
            Text = "work item", Small = int.MinValue, Large = long.MaxValue, UnsignedSmall = uint.MaxValue, Ratio = 1e-300, Weight = 0.25f, Flag = true,
            At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 29, 1, 30, 0, 500, TimeSpan.Zero)),
            Nested = new PayloadShapes.Types.Nested { Name = "n", Values = { long.MinValue, 0 } },
            Items = { new PayloadShapes.Types.Nested { Name = "i" } }, Tags = { "a", "" }, Maybe = 7,
        };

        Assert.True(ProtoJsonReader.TryParse<PayloadShapes>(JsonFormatter.Default.Format(message), out var read));
        Assert.Equal(message, read);
        Assert.True(read.HasMaybe);
    }
}
