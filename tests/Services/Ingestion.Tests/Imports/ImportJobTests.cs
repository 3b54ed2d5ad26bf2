using System.Text;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Tests.Support;
using BackOfficeCloud.TestKit;
using Google.Protobuf;
using Grpc.Core;

namespace BackOfficeCloud.Ingestion.Tests.Imports;

[Collection(IngestionCollection.Name)]
public sealed class ImportJobTests(IngestionServiceFixture service)
{
    [Fact]
    public async Task A_messy_export_loads_with_its_mapping()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        // BOM, CRLF, a blank line, quoted commas and quotes, local times in the mapping's zone on the spring-forward
        // night, explicit offsets and Z, enum names in any case, an unmapped column
        var csv = "\uFEFFCall ID,Type,Skill,Start,Answered,End,Talk,Customer,Agent Notes\r\n"
            + "A-1,Voice,billing,2026-03-29 01:30,2026-03-29 01:30:20,2026-03-29 03:05,280,\"Smith, John\",x\r\n"
            + "\r\n"
            + "A-2,chat,billing,2026-03-29T03:30:00+02:00,2026-03-29T03:30:10+02:00,2026-03-29T03:40:00+02:00,590,\"Doe, \"\"JD\"\" Jane\",\r\n"
            + "A-3,EMAIL,billing,2026-03-28T23:00:00Z,,,0,,\"multi\r\nline\"\r\n";
        var mapping = new ColumnMapping { TimeZone = "Europe/Berlin" };
        mapping.Columns.Add(new Dictionary<string, string>
        {
            ["Call ID"] = "source_id", ["Type"] = "channel", ["Skill"] = "queue", ["Start"] = "arrived_at",
            ["Answered"] = "answered_at", ["End"] = "ended_at", ["Talk"] = "talk_seconds", ["Customer"] = "customer_ref",
        });

        var job = await client.UploadAsync(RecordKind.Interaction, csv, mapping);

        Assert.Equal(ImportJobStatus.Succeeded, job.Status);
        Assert.Empty(job.Errors);
        Assert.Equal((3, 3, 0), (job.RowsRead, job.Accepted, job.Rejected));
        var stored = await service.ColumnAsync<string>(tenant,
            "SELECT source_id || '|' || channel || '|' || to_char(arrived_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || '|' || customer_ref FROM ingestion.interactions ORDER BY source_id");
        Assert.Equal(
        [
            "A-1|voice|2026-03-29 00:30|Smith, John",          // 01:30 CET = UTC+1
            "A-2|chat|2026-03-29 01:30|Doe, \"JD\" Jane",       // 03:30 CEST = UTC+2
            "A-3|email|2026-03-28 23:00|",
        ], stored);
    }

    [Fact]
    public async Task A_file_with_five_percent_bad_rows_stores_exactly_the_good_ones_and_reports_each_bad_one()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        var bad = new Dictionary<int, string>
        {
            [7] = "call-7,voice,billing,2026-11-02T09:00:00Z,,2026-11-02T08:00:00Z,0,",            // ended before arrival
            [27] = "call-27,fax,billing,2026-11-02T09:00:00Z,,,0,",                                 // bad enum
            [47] = "call-47,voice,billing,2026-02-30T09:00:00Z,,,0,",                               // impossible date
            [67] = "call-67,voice,billing,2026-11-02T09:00:00Z,,,-5,",                              // negative duration
            [87] = ",voice,billing,2026-11-02T09:00:00Z,,,0,",                                      // missing source id
            [107] = "call-107,voice,billing,,,,0,",                                                 // missing arrival
            [127] = $"call-127,voice,billing,2026-11-02T09:00:00Z,,,0,{new string('c', 300)}",      // oversize field
            [147] = "call-147,voice,billing,2026-11-02T09:00:00Z,,,ten,",                           // not a number
            [167] = "call-167,voice,billing,2031-01-01T09:00:00Z,,,0,",                             // in the future
            [187] = "call-187,voice,,2026-11-02T09:00:00Z,,,0,",                                    // missing queue
        };

        var job = await client.UploadAsync(RecordKind.Interaction, Support.Imports.InteractionsCsv(200, bad: i => bad.GetValueOrDefault(i)!));

        Assert.Equal(ImportJobStatus.Succeeded, job.Status);
        Assert.Equal((200, 190, 10), (job.RowsRead, job.Accepted, job.Rejected));
        // the header is line 1, so row i is on line i + 2
        Assert.Equal(bad.Keys.Select(i => (long)i + 2).Order(), job.Errors.Select(e => e.Row).Distinct().Order());
        Assert.Contains(job.Errors, e => e.Row == 9 && e.Field == "ended_at" && e.Reason.Contains("before", StringComparison.Ordinal));
        Assert.Contains(job.Errors, e => e.Row == 29 && e.Field == "channel" && e.Value == "fax");
        Assert.Contains(job.Errors, e => e.Row == 49 && e.Field == "arrived_at");
        Assert.Contains(job.Errors, e => e.Row == 69 && e.Field == "talk_seconds");
        Assert.Contains(job.Errors, e => e.Row == 129 && e.Field == "customer_ref" && e.Reason.Contains("longer", StringComparison.Ordinal));
        var stored = await service.ColumnAsync<string>(tenant, "SELECT source_id FROM ingestion.interactions");
        Assert.Equal(Enumerable.Range(0, 200).Where(i => !bad.ContainsKey(i)).Select(i => $"call-{i}").Order(), stored.Order());
        var polled = await client.GetImportJobAsync(new GetImportJobRequest { JobId = job.JobId });
        Assert.Equal((job.Accepted, job.Rejected, 10), (polled.Accepted, polled.Rejected, polled.Errors.Select(e => e.Row).Distinct().Count()));
    }

    [Fact]
    public async Task The_same_file_twice_stores_nothing_new_and_a_corrected_row_updates_in_place()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        var csv = Support.Imports.InteractionsCsv(120);

        var first = await client.UploadAsync(RecordKind.Interaction, csv);
        var second = await client.UploadAsync(RecordKind.Interaction, csv);
        var corrected = await client.UploadAsync(RecordKind.Interaction, csv.Replace("call-5,voice,billing", "call-5,chat,billing", StringComparison.Ordinal));

        Assert.Equal((120, 0L), (first.Accepted, first.Duplicates));
        Assert.Equal((0, 0, 120L), (second.Accepted, second.Updated, second.Duplicates));
        Assert.Equal((0, 1, 119L), (corrected.Accepted, corrected.Updated, corrected.Duplicates));
        Assert.Equal(120L, await service.QueryAsync<long>(tenant, "SELECT count(*) FROM ingestion.interactions"));
        Assert.Equal("chat:2", await service.QueryAsync<string>(tenant, "SELECT channel || ':' || version FROM ingestion.interactions WHERE source_id = 'call-5'"));
    }

    [Fact]
    public async Task An_import_stopped_mid_file_leaves_whole_chunks_and_the_re_run_completes()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        var csv = Encoding.UTF8.GetBytes(Support.Imports.InteractionsCsv(1000));
        var jobId = Guid.NewGuid().ToString();

        using (var call = client.StartImport())
        {
            await call.RequestStream.WriteAsync(new ImportChunk { Header = new ImportHeader { Kind = RecordKind.Interaction, JobId = jobId } });
            await call.RequestStream.WriteAsync(new ImportChunk { Data = ByteString.CopyFrom(csv, 0, csv.Length / 2) });
            Assert.True(await EventuallyAsync(async () => (await JobOrNullAsync(client, jobId))?.Accepted > 0));
            // the upload breaks off here: the call is cancelled with half of the file sent
        }

        Assert.True(await EventuallyAsync(async () => (await client.GetImportJobAsync(new GetImportJobRequest { JobId = jobId })).Status != ImportJobStatus.Running));
        var stopped = await client.GetImportJobAsync(new GetImportJobRequest { JobId = jobId });
        var stored = await service.QueryAsync<long>(tenant, "SELECT count(*) FROM ingestion.interactions");
        Assert.Contains(stopped.Status, new[] { ImportJobStatus.Interrupted, ImportJobStatus.Failed });
        Assert.InRange(stored, 1, 999);
        Assert.Equal(0, stored % IngestionServiceFixture.ChunkRows);
        Assert.Equal(stored, stopped.Accepted);

        var rerun = await client.UploadAsync(RecordKind.Interaction, Encoding.UTF8.GetString(csv));

        Assert.Equal(ImportJobStatus.Succeeded, rerun.Status);
        Assert.Equal((1000 - stored, stored), (rerun.Accepted, rerun.Duplicates));
        Assert.Equal(1000L, await service.QueryAsync<long>(tenant, "SELECT count(*) FROM ingestion.interactions"));
    }

    [Fact]
    public async Task Repeat_contacts_of_a_customer_in_the_chunk_before_are_flagged_although_chunks_are_written_side_by_side()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        // chunks of 50 rows: 60 and 75 call again as customer 40 (chunk 0), 110 as customer 99 (chunk 1)
        var customers = new Dictionary<int, int> { [60] = 40, [75] = 40, [110] = 99 };
        var start = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        var csv = Support.Imports.InteractionsCsv(150, bad: i => customers.TryGetValue(i, out var customer)
            ? $"call-{i},voice,billing,{start.AddMinutes(i):O},,{start.AddMinutes(i + 5):O},280,cust-{customer}"
            : null!);

        var job = await client.UploadAsync(RecordKind.Interaction, csv);

        Assert.Equal((ImportJobStatus.Succeeded, 150L), (job.Status, job.Accepted));
        Assert.Equal(["call-110:call-99", "call-60:call-40", "call-75:call-60"], await service.ColumnAsync<string>(tenant,
            "SELECT source_id || ':' || repeat_of FROM ingestion.interactions WHERE repeat_of IS NOT NULL ORDER BY source_id"));
    }

    [Fact]
    public async Task Reject_all_stores_nothing_when_one_row_is_bad()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);

        var job = await client.UploadAsync(RecordKind.Interaction, Support.Imports.InteractionsCsv(180, bad: i => i == 170 ? "call-170,pigeon,billing,2026-11-02T09:00:00Z,,,0," : null!),
            policy: InvalidRowPolicy.RejectAll);

        Assert.Equal(ImportJobStatus.Failed, job.Status);
        Assert.Equal((180, 0, 1), (job.RowsRead, job.Accepted, job.Rejected));
        Assert.Equal(172, Assert.Single(job.Errors).Row);
        Assert.Equal(0L, await service.QueryAsync<long>(tenant, "SELECT count(*) FROM ingestion.interactions"));
    }

    [Fact]
    public async Task Json_lines_of_work_items_load_and_a_broken_line_is_reported()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        var lines = "{\"source_id\":\"W-1\",\"work_type\":\"refund\",\"queue\":\"claims\",\"created_at\":\"2026-11-02T09:00:00Z\",\"effort_minutes\":12}\n"
            + "\n"
            + "{\"source_id\":\"W-2\",\"work_type\":\n"
            + "{\"sourceId\":\"W-3\",\"workType\":\"refund\",\"queue\":\"claims\",\"createdAt\":\"2026-11-02T10:00:00+01:00\",\"dueAt\":\"2026-11-04T17:00:00Z\"}\n";

        var job = await client.UploadAsync(RecordKind.WorkItem, lines, format: FileFormat.JsonLines);

        Assert.Equal((3, 2, 1), (job.RowsRead, job.Accepted, job.Rejected));
        Assert.Equal(3, Assert.Single(job.Errors).Row);
        Assert.Equal(["W-1", "W-3"], await service.ColumnAsync<string>(tenant, "SELECT source_id FROM ingestion.work_items ORDER BY source_id"));
    }

    [Fact]
    public async Task A_curl_style_http_upload_runs_the_same_import()
    {
        var tenant = UniqueTenant.Next();
        using var rest = await service.RestAsync(tenant);
        using var body = new StringContent("Agent,State,Since\na-1,on contact,2026-11-02 09:00\na-1,wrap,2026-11-02 09:05\n");
        body.Headers.Add("X-Import-Mapping", "{\"columns\":{\"Agent\":\"agent_id\",\"State\":\"state\",\"Since\":\"started_at\"},\"timeZone\":\"America/New_York\"}");

        using var response = await rest.PostAsync(new Uri("/v1/imports/agent_states?file_name=states.csv", UriKind.Relative), body);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var job = ImportJob.Parser.ParseJson(await response.Content.ReadAsStringAsync());
        Assert.Equal((ImportJobStatus.Succeeded, 2L), (job.Status, job.Accepted));
        Assert.Equal(["on_contact@2026-11-02 14:00", "wrap@2026-11-02 14:05"], await service.ColumnAsync<string>(tenant,
            "SELECT state || '@' || to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM ingestion.agent_states ORDER BY started_at"));
    }

    /// <summary>The job, or null while the service has not read the upload's header yet.</summary>
    private static async Task<ImportJob?> JobOrNullAsync(IngestionService.IngestionServiceClient client, string jobId)
    {
        try
        {
            return await client.GetImportJobAsync(new GetImportJobRequest { JobId = jobId });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await done())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
