using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Imports;
using BackOfficeCloud.Ingestion.Validation;

namespace BackOfficeCloud.Ingestion.Tests.Imports;

public sealed class FieldBinderTests
{
    [Theory]
    [InlineData("2026-03-29T03:30:00.0000000+02:00")]   // round-trip form
    [InlineData("2026-03-29T03:30:00+02:00")]
    [InlineData("2026-03-29T01:30:00.000Z")]
    [InlineData("2026-03-29 01:30:00Z")]
    public void Timestamps_with_an_offset_keep_it_in_any_iso_form(string cell)
    {
        var record = new Interaction();

        Binder("arrived_at").Bind(record, cell, new RowErrors(2));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), record.ArrivedAt.ToDateTimeOffset());
    }

    [Fact]
    public void Every_row_with_a_bad_enum_spelling_is_an_error_and_good_spellings_in_any_case_bind()
    {
        var binder = Binder("channel");
        var errors = new[] { new RowErrors(2), new RowErrors(3) };
        var records = new[] { new Interaction(), new Interaction(), new Interaction(), new Interaction() };

        binder.Bind(records[0], "fax", errors[0]);
        binder.Bind(records[1], "fax", errors[1]);
        binder.Bind(records[2], "Chat", new RowErrors(4));
        binder.Bind(records[3], "chat", new RowErrors(5));

        Assert.All(errors, e => Assert.Equal("fax", Assert.Single(e.Errors).Value));
        Assert.Equal([Channel.Chat, Channel.Chat], records[2..].Select(r => r.Channel));
    }

    private static FieldBinder Binder(string field) => new(Interaction.Descriptor.FindFieldByName(field), null, TimeZoneInfo.Utc);
}
