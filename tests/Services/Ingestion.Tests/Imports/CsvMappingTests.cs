using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Tests.Support;
using BackOfficeCloud.ServiceDefaults.Validation;
using static BackOfficeCloud.Ingestion.Tests.Support.CsvRows;

namespace BackOfficeCloud.Ingestion.Tests.Imports;

public sealed class CsvMappingTests
{
    [Fact]
    public async Task A_date_format_and_zone_turn_local_export_times_into_instants()
    {
        var mapping = new ColumnMapping { DateFormat = "dd/MM/yyyy HH:mm", TimeZone = "America/New_York", Delimiter = ";" };
        mapping.Columns.Add("Ticket", "source_id");
        mapping.Columns.Add("Opened", "created_at");

        var rows = await ReadAsync<WorkItem>("Ticket;Opened;Queue;work_type\nT-1;08/03/2026 02:30;claims;refund\nT-2;01/11/2026 01:30;claims;refund\n", mapping);

        // 02:30 does not exist on 8 March 2026 in New York (clocks jump to 03:00 EDT); 01:30 on 1 November happens twice (first: EDT)
        Assert.Equal([new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero)],
            rows.Select(r => r.Record!.CreatedAt.ToDateTimeOffset()));
        Assert.Equal(["claims", "claims"], rows.Select(r => r.Record!.Queue));
    }

    [Fact]
    public async Task Values_that_do_not_parse_are_row_errors_naming_the_line_and_field()
    {
        var rows = await ReadAsync<Interaction>("source_id,channel,arrived_at,abandoned,talk_seconds\nc-1,phone,yesterday,maybe,1e3\n", new ColumnMapping());

        var row = Assert.Single(rows);
        Assert.Null(row.Record);
        Assert.Equal(2, row.Line);
        Assert.Equal(["abandoned", "arrived_at", "channel"], row.Errors.Select(e => e.Field).Order());
        Assert.Contains(row.Errors, e => e.Field == "channel" && e.Reason == "must be one of voice, chat, email, sms, video, social, back_office");
    }

    [Fact]
    public async Task Nested_fields_take_json_and_repeated_text_takes_semicolons()
    {
        var csv = "agent_id,skills,contract,time_zone\n"
            + "a-1,\"[{\"\"name\"\":\"\"billing\"\",\"\"proficiency\"\":0.8}]\",\"{\"\"maxWeeklyHours\"\":38}\",Europe/Paris\n";

        var agent = Assert.Single(await ReadAsync<RosterAgent>(csv, new ColumnMapping())).Record!;

        Assert.Equal(("billing", 0.8, 38.0), (agent.Skills[0].Name, agent.Skills[0].Proficiency, agent.Contract.MaxWeeklyHours));
        var queue = Assert.Single(await ReadAsync<RosterQueue>("queue,closed_dates\nbilling,2026-12-25; 2026-12-26\n", new ColumnMapping())).Record!;
        Assert.Equal(["2026-12-25", "2026-12-26"], queue.ClosedDates);
    }

    [Fact]
    public async Task A_mapping_to_a_field_the_kind_does_not_have_is_refused()
    {
        var mapping = new ColumnMapping();
        mapping.Columns.Add("Start", "begin_time");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => ReadAsync<Interaction>("Start\n2026-01-01\n", mapping));

        Assert.Equal("mapping.columns[Start]", refused.Violations[0].Field);
    }

    [Fact]
    public async Task The_documented_example_export_reads_with_its_mapping()
    {
        var mapping = ColumnMapping.Parser.ParseJson(await CsvRows.ExampleAsync("acd-mapping.json"));

        var calls = await ReadAsync<Interaction>(await CsvRows.ExampleAsync("acd-export.csv"), mapping);
        var queues = await ReadAsync<RosterQueue>(await CsvRows.ExampleAsync("roster-queues.csv"), new ColumnMapping());

        Assert.Equal(["A-1001", "A-1002", "A-1003", "A-1004"], calls.Select(r => r.Record!.SourceId));
        Assert.Equal([2L, 4, 5, 6], calls.Select(r => r.Line));
        Assert.Equal(("Smith, John", Channel.Voice), (calls[0].Record!.CustomerRef, calls[0].Record!.Channel));
        Assert.Equal([2, 1], queues.Select(r => r.Record!.OpenHours.Count));
        Assert.True(queues[1].Record!.Deferrable);
    }
}
