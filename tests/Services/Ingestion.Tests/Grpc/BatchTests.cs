using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Tests.Support;
using BackOfficeCloud.TestKit;
using Grpc.Core;

namespace BackOfficeCloud.Ingestion.Tests.Grpc;

[Collection(IngestionCollection.Name)]
public sealed class BatchTests(IngestionServiceFixture service)
{
    [Fact]
    public async Task Once_a_roster_exists_queues_are_checked_against_it()
    {
        var client = await service.ClientAsync(UniqueTenant.Next());
        var claims = Build.Queue("claims", Channel.BackOffice);
        claims.Deferrable = true;
        claims.DeadlineBusinessHours = 48;
        var broken = Build.Queue("broken");
        broken.TimeZone = "Mars/Olympus";
        var roster = await client.IngestRosterAsync(new IngestRosterRequest
        {
            Queues = { Build.Queue("billing"), claims, broken },
            Agents = { new RosterAgent { AgentId = "a-1", Name = "Ann", Skills = { new Skill { Name = "billing", Proficiency = 1 } } } },
        });

        var calls = await client.IngestInteractionsAsync(Build.Calls(Build.Call("c-1"), Build.Call("c-2", queue: "sales")));

        Assert.Equal((4, 3, 1), (roster.Received, roster.Accepted, roster.Rejected));
        Assert.Contains(roster.Errors, e => e.Row == 2 && e.Field == "time_zone" && e.Value == "Mars/Olympus");
        Assert.Equal((1, 1), (calls.Accepted, calls.Rejected));
        var error = Assert.Single(calls.Errors);
        Assert.Equal((1L, "queue", "sales"), (error.Row, error.Field, error.Value));
    }

    [Fact]
    public async Task Each_bad_field_is_reported_with_row_field_value_and_reason()
    {
        var client = await service.ClientAsync(UniqueTenant.Next());
        var endsEarly = Build.Call("c-2");
        endsEarly.EndedAt = Build.At(-10);
        var unknownChannel = Build.Call("c-3");
        unknownChannel.Channel = (Channel)42;
        var negative = Build.Call("c-4");
        negative.HoldSeconds = -1;

        var result = await client.IngestInteractionsAsync(Build.Calls(Build.Call("c-1"), endsEarly, unknownChannel, negative));

        Assert.Equal((4, 1, 3), (result.Received, result.Accepted, result.Rejected));
        Assert.Contains(result.Errors, e => e is { Row: 1, Field: "ended_at" } && e.Reason == "is before answered_at");
        Assert.Contains(result.Errors, e => e is { Row: 2, Field: "channel", Value: "42" } && e.Reason.StartsWith("must be one of voice, chat", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e is { Row: 3, Field: "hold_seconds", Value: "-1" });
    }

    [Fact]
    public async Task Reject_all_stores_nothing_of_a_batch_with_a_bad_row()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        var request = Build.Calls(Build.Call("c-1"), Build.Call(""));
        request.Policy = InvalidRowPolicy.RejectAll;

        var result = await client.IngestInteractionsAsync(request);

        Assert.Equal((0, 1), (result.Accepted, result.Rejected));
        Assert.Equal(0L, await service.QueryAsync<long>(tenant, "SELECT count(*) FROM ingestion.interactions"));
    }

    [Fact]
    public async Task An_oversize_batch_is_refused_with_a_clear_error()
    {
        var client = await service.ClientAsync(UniqueTenant.Next());
        var request = Build.Calls([.. Enumerable.Range(0, 1001).Select(i => Build.Call($"c-{i}"))]);

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.IngestInteractionsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("at most 1000 records", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_numbers_rows_across_its_messages_and_sums_the_results()
    {
        var client = await service.ClientAsync(UniqueTenant.Next());
        using var call = client.StreamInteractions();
        await call.RequestStream.WriteAsync(Build.Calls(Build.Call("c-1"), Build.Call("c-2")));
        await call.RequestStream.WriteAsync(Build.Calls(Build.Call("c-2"), Build.Call("")));
        await call.RequestStream.CompleteAsync();

        var result = await call;

        Assert.Equal((4, 2, 1, 1), (result.Received, result.Accepted, result.Duplicates, result.Rejected));
        Assert.Equal(3, Assert.Single(result.Errors.Select(e => e.Row).Distinct()));
    }

    [Fact]
    public async Task Work_item_lifecycle_moves_status_and_an_open_duplicate_is_flagged()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        await client.IngestWorkItemsAsync(new IngestWorkItemsRequest { WorkItems = { Build.Item("w-1", 0, "cust-5"), Build.Item("w-2", 10, "cust-5"), Build.Item("w-3", 20, "cust-5", "address-change") } });

        var events = await client.IngestWorkItemEventsAsync(new IngestWorkItemEventsRequest
        {
            Events =
            {
                Build.Event("e-1", "w-1", WorkItemEventType.Started, 30), Build.Event("e-2", "w-1", WorkItemEventType.Completed, 45),
                Build.Event("e-3", "w-2", WorkItemEventType.Pended, 50), Build.Event("e-4", "w-404", WorkItemEventType.Started, 50),
            },
        });
        await client.IngestWorkItemsAsync(new IngestWorkItemsRequest { WorkItems = { Build.Item("w-4", 60, "cust-5") } });

        Assert.Equal((3, 1), (events.Accepted, events.Rejected));
        Assert.Equal("work_item_id", Assert.Single(events.Errors).Field);
        Assert.Equal(["w-1 completed -", "w-2 pended w-1", "w-3 open -", "w-4 open w-2"], await service.ColumnAsync<string>(tenant,
            "SELECT source_id || ' ' || status || ' ' || coalesce(duplicate_of, '-') FROM ingestion.work_items ORDER BY source_id"));
    }

    [Fact]
    public async Task An_item_without_a_deadline_gets_one_from_its_sla_in_the_queues_business_hours()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        var claims = Build.Queue("claims", Channel.BackOffice);
        claims.Deferrable = true;
        claims.DeadlineBusinessHours = 8;
        claims.OpenHours.Clear();
        claims.OpenHours.AddRange(Enumerable.Range(1, 5).Select(d => new WeeklyRange { DayOfWeek = d, From = "09:00", To = "17:00" }));
        claims.ClosedDates.Add("2026-11-03");
        await client.IngestRosterAsync(new IngestRosterRequest { Queues = { claims } });
        // Monday 2 November 15:00 in Amsterdam (UTC+1): 2 business hours left on Monday, Tuesday is closed, 6 on Wednesday
        var byQueue = Build.Item("w-1", 14 * 60 - 9 * 60);
        var ownRule = Build.Item("w-2", 14 * 60 - 9 * 60);
        ownRule.SlaBusinessHours = 1;

        await client.IngestWorkItemsAsync(new IngestWorkItemsRequest { WorkItems = { byQueue, ownRule } });
        var again = await client.IngestWorkItemsAsync(new IngestWorkItemsRequest { WorkItems = { byQueue } });

        Assert.Equal(1, again.Duplicates);
        Assert.Equal(["w-1 2026-11-04 14:00", "w-2 2026-11-02 15:00"], await service.ColumnAsync<string>(tenant,
            "SELECT source_id || ' ' || to_char(sla_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM ingestion.work_items ORDER BY source_id"));
    }

    [Fact]
    public async Task The_unary_batches_answer_over_rest_too()
    {
        var tenant = UniqueTenant.Next();
        using var rest = await service.RestAsync(tenant);
        using var body = new StringContent(
            """{"states":[{"agentId":"a-1","state":"AGENT_STATE_TYPE_BREAK","startedAt":"2026-11-02T10:00:00Z"}]}""",
            System.Text.Encoding.UTF8, "application/json");

        using var response = await rest.PostAsync(new Uri("/v1/agent-states:batch", UriKind.Relative), body);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, IngestResult.Parser.ParseJson(await response.Content.ReadAsStringAsync()).Accepted);
        Assert.Equal("break", await service.QueryAsync<string>(tenant, "SELECT state FROM ingestion.agent_states"));
    }

    [Fact]
    public async Task Interval_statistics_are_idempotent_by_their_natural_key()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        var row = new IntervalStatistic
        {
            Queue = "billing", Channel = Channel.Voice, IntervalStart = Build.At(0), IntervalMinutes = 15, Offered = 40, Handled = 36,
            Abandoned = 4, AverageHandleSeconds = 310, AnsweredWithinThreshold = 30, ThresholdSeconds = 20,
        };
        var corrected = row.Clone();
        corrected.Handled = 37;
        corrected.Abandoned = 3;

        var first = await client.IngestIntervalStatisticsAsync(new IngestIntervalStatisticsRequest { Statistics = { row } });
        var again = await client.IngestIntervalStatisticsAsync(new IngestIntervalStatisticsRequest { Statistics = { row } });
        var fixedRow = await client.IngestIntervalStatisticsAsync(new IngestIntervalStatisticsRequest { Statistics = { corrected } });

        Assert.Equal((1L, 1L, 1L), (first.Accepted, again.Duplicates, fixedRow.Updated));
        Assert.Equal("37:2", await service.QueryAsync<string>(tenant, "SELECT handled || ':' || version FROM ingestion.interval_statistics"));
    }
}
