using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Staffing.Queueing;
using BackOfficeCloud.Scheduling.Tests.Support;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.TestKit;
using Grpc.Core;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Tests.Grpc;

[Collection(SchedulingCollection.Name)]
public class RequirementsTests(SchedulingServiceFixture service)
{
    private readonly PlanningScenario _scenario = new();

    [Fact]
    public async Task Forecasts_roster_and_backlog_become_a_blended_plan_no_dearer_than_the_silo_and_it_is_published()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        await service.PublishAndApplyAsync(tenant, _scenario.Events(tenant));

        var plan = await client.ComputeRequirementsAsync(_scenario.Period());

        var voice = plan.Queues.Single(q => q.Queue == PlanningScenario.Voice);
        var claims = plan.Queues.Single(q => q.Queue == PlanningScenario.Claims);
        Assert.Equal(96, voice.Intervals.Count);
        Assert.Equal(96, plan.Totals.Count);
        Assert.True(claims.Deferrable);
        // the forecast lands on the local grid: 08:00 is interval 32, and each quarter hour needs what Erlang C says
        for (var slot = 0; slot < 40; slot++)
        {
            var load = PlanningScenario.VoiceVolume(slot) * 300 / 900;
            Assert.Equal(ErlangC.RequiredAgents(load, 300, new StaffingTarget(0.8, 20)).Agents, voice.Intervals[32 + slot].ImmediateAgents);
        }

        Assert.All(voice.Intervals.Take(32), i => Assert.Equal(0, i.ImmediateAgents));
        // the backlog (12 × 15 min, due at noon) is worked before noon; nothing is planned before 08:00
        var beforeNoon = claims.Intervals.Take(48).Sum(i => i.DeferrableMinutes);
        Assert.True(beforeNoon >= (12 * 15) - 1e-6, $"{beforeNoon} minutes of claims planned before noon");
        Assert.All(claims.Intervals.Take(32), i => Assert.Equal(0, i.DeferrableMinutes, 6));
        Assert.Empty(plan.Shortfalls);
        Assert.InRange(claims.Intervals.Sum(i => i.DeferrableMinutes), (12 * 15) - 1e-6, (12 * 15) + (32 * 30) + 1e-6);

        var comparison = plan.Comparison;
        Assert.True(comparison.BlendedPaidHours <= comparison.SiloPaidHours, $"blended {comparison.BlendedPaidHours} h > silo {comparison.SiloPaidHours} h");
        Assert.Equal(comparison.SiloPaidHours - comparison.BlendedPaidHours, comparison.SavingHours, 6);
        Assert.InRange(comparison.OptimalityGap, 0, 0.5);
        Assert.True(comparison.LpBoundHours <= comparison.BlendedPaidHours + 1e-6);
        Assert.Equal("optimal", plan.Status);

        var flat = await service.InTenantAsync(tenant, async transaction =>
        {
            await using var count = new NpgsqlCommand("SELECT count(*), sum(deferrable_minutes) FROM scheduling.requirements", transaction.Connection, transaction);
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (Rows: reader.GetInt64(0), Minutes: reader.GetDouble(1));
        });
        Assert.Equal(2 * 96, flat.Rows);
        Assert.Equal(claims.Intervals.Sum(i => i.DeferrableMinutes), flat.Minutes, 6);

        Assert.Equal(plan, await client.GetRequirementsAsync(new GetRequirementsRequest { PlanId = plan.PlanId }));
        Assert.Equal(comparison, await client.CompareBlendedSiloAsync(new GetRequirementsRequest { PlanId = plan.PlanId }));
        var published = await service.PublishedRequirementsAsync(tenant, plan.PlanId);
        Assert.NotNull(published);
        Assert.Equal(comparison.BlendedPaidHours, published.BlendedPaidHours);
        Assert.Equal(plan.Queues, published.Queues);
    }

    [Fact]
    public async Task An_older_forecast_does_not_replace_a_newer_one_and_completed_items_leave_the_backlog()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        await service.PublishAndApplyAsync(tenant, _scenario.Events(tenant));
        var before = await client.ComputeRequirementsAsync(_scenario.Period());
        var received = DateTimeOffset.UtcNow.AddHours(-1);

        await service.PublishAndApplyAsync(tenant, [.. _scenario.Events(tenant),
            _scenario.VoiceForecast(tenant, [0], DateTimeOffset.UtcNow.AddDays(-1), scale: 3),
            PlanningScenario.WorkItem(tenant, "C-01", received, _scenario.At(12), 15, status: "completed", version: 2),
            PlanningScenario.WorkItem(tenant, "C-02", received, _scenario.At(12), 15, status: "open", version: 0)]);
        var after = await client.ComputeRequirementsAsync(_scenario.Period());

        Assert.Equal(Voice(before).Select(i => i.ImmediateAgents), Voice(after).Select(i => i.ImmediateAgents));
        var open = await service.InTenantAsync(tenant, async transaction =>
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM scheduling.work_items WHERE status NOT IN ('completed', 'cancelled')", transaction.Connection, transaction);
            return (long)(await count.ExecuteScalarAsync())!;
        });
        Assert.Equal(PlanningScenario.BacklogItems - 1, open);
        Assert.Equal(Backlog(before)[32] - 15, Backlog(after)[32], 6);

        static IEnumerable<Contracts.Events.V1.RequirementInterval> Voice(RequirementsPlan plan) => plan.Queues.Single(q => q.Queue == PlanningScenario.Voice).Intervals;

        static List<double> Backlog(RequirementsPlan plan) =>
            [.. plan.Queues.Single(q => q.Queue == PlanningScenario.Claims).Intervals.Select(i => i.BacklogMinutes + i.DeferrableMinutes)];
    }

    [Fact]
    public async Task A_plan_too_large_for_one_event_is_announced_without_its_intervals()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        await service.PublishAndApplyAsync(tenant, _scenario.Events(tenant, days: 14));

        var plan = await client.ComputeRequirementsAsync(_scenario.Period(intervalMinutes: 5, days: 14));

        Assert.Equal(14 * 288, plan.Totals.Count);
        var published = await service.PublishedRequirementsAsync(tenant, plan.PlanId);
        Assert.NotNull(published);
        Assert.True(published.IntervalsOmitted);
        Assert.Empty(published.Totals);
        Assert.All(published.Queues, q => Assert.Empty(q.Intervals));
        Assert.Equal(plan.Queues.Select(q => (q.Queue, q.ShortfallMinutes)), published.Queues.Select(q => (q.Queue, q.ShortfallMinutes)));
        Assert.Equal(plan.Comparison.BlendedPaidHours, published.BlendedPaidHours);
        Assert.False((await service.PublishedRequirementsAsync(tenant, (await client.ComputeRequirementsAsync(_scenario.Period())).PlanId))!.IntervalsOmitted);
    }

    [Fact]
    public async Task Bad_periods_unknown_plans_and_impossible_targets_are_refused_naming_the_field()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        await service.PublishAndApplyAsync(tenant, _scenario.Events(tenant, voiceServiceLevel: 1.0));

        var backwards = _scenario.Period();
        (backwards.PeriodStart, backwards.PeriodEnd) = (backwards.PeriodEnd, backwards.PeriodStart);
        var period = await Assert.ThrowsAsync<RpcException>(() => client.ComputeRequirementsAsync(backwards).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, period.StatusCode);
        Assert.Contains("period_end", period.Status.Detail, StringComparison.Ordinal);

        var interval = _scenario.Period(intervalMinutes: 7);
        Assert.Contains("interval_minutes", (await Assert.ThrowsAsync<RpcException>(() => client.ComputeRequirementsAsync(interval).ResponseAsync)).Status.Detail, StringComparison.Ordinal);

        var impossible = await Assert.ThrowsAsync<RpcException>(() => client.ComputeRequirementsAsync(_scenario.Period()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, impossible.StatusCode);
        Assert.Contains("queues[voice].target_service_level", impossible.Status.Detail, StringComparison.Ordinal);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => client.GetRequirementsAsync(new GetRequirementsRequest { PlanId = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("plan_id", unknown.Status.Detail, StringComparison.Ordinal);

        var unknownQueue = _scenario.Period();
        unknownQueue.Queues.Add("fax");
        Assert.Contains("queues[0]", (await Assert.ThrowsAsync<RpcException>(() => client.ComputeRequirementsAsync(unknownQueue).ResponseAsync)).Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_callers_get_the_plan_and_problem_details_naming_the_field()
    {
        var tenant = UniqueTenant.Next();
        await service.PublishAndApplyAsync(tenant, _scenario.Events(tenant));
        using var rest = await service.RestAsync(tenant);
        var period = _scenario.Period();

        using var computed = await rest.PostAsJsonAsync("/v1/requirements", new
        {
            periodStart = period.PeriodStart.ToDateTimeOffset(),
            periodEnd = period.PeriodEnd.ToDateTimeOffset(),
            intervalMinutes = 30,
        });
        Assert.Equal(HttpStatusCode.OK, computed.StatusCode);
        var plan = JsonNode.Parse(await computed.Content.ReadAsStringAsync())!;
        using var comparison = await rest.GetAsync($"/v1/requirements/{plan["planId"]}:compare");
        Assert.Equal(plan["comparison"]!["siloPaidHours"]!.GetValue<double>(), JsonNode.Parse(await comparison.Content.ReadAsStringAsync())!["siloPaidHours"]!.GetValue<double>());

        using var backwards = await rest.PostAsJsonAsync("/v1/requirements", new
        {
            periodStart = period.PeriodEnd.ToDateTimeOffset(),
            periodEnd = period.PeriodStart.ToDateTimeOffset(),
            intervalMinutes = 30,
        });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal("application/problem+json", backwards.Content.Headers.ContentType?.MediaType);
        Assert.Equal("period_end", JsonNode.Parse(await backwards.Content.ReadAsStringAsync())!["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tenant_sees_only_its_own_plans_and_a_viewer_may_not_compute()
    {
        var owner = UniqueTenant.Next();
        var other = UniqueTenant.Next();
        var ownerClient = await service.ClientAsync(owner);
        await service.PublishAndApplyAsync(owner, _scenario.Events(owner));
        var plan = await ownerClient.ComputeRequirementsAsync(_scenario.Period());

        var otherClient = await service.ClientAsync(other);
        var hidden = await Assert.ThrowsAsync<RpcException>(() => otherClient.GetRequirementsAsync(new GetRequirementsRequest { PlanId = plan.PlanId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
        var empty = await Assert.ThrowsAsync<RpcException>(() => otherClient.ComputeRequirementsAsync(_scenario.Period()).ResponseAsync);
        Assert.Contains("queues", empty.Status.Detail, StringComparison.Ordinal);

        var viewer = await service.ClientAsync(owner, Roles.Viewer);
        Assert.Equal(plan.PlanId, (await viewer.GetRequirementsAsync(new GetRequirementsRequest { PlanId = plan.PlanId })).PlanId);
        var denied = await Assert.ThrowsAsync<RpcException>(() => viewer.ComputeRequirementsAsync(_scenario.Period()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task Settings_default_until_put_and_a_bad_setting_is_refused_by_name()
    {
        var client = await service.ClientAsync(UniqueTenant.Next());
        var defaults = await client.GetPlanningSettingsAsync(new GetPlanningSettingsRequest());
        Assert.True(defaults.BlendingEnabled);
        Assert.Equal(0.5, defaults.IdleShare);
        Assert.NotEmpty(defaults.Contracts);

        var put = await client.PutPlanningSettingsAsync(new PlanningSettings { IdleShare = 0.2, TimeZone = PlanningScenario.TimeZone });
        Assert.Equal(0.2, put.IdleShare);
        Assert.Equal(defaults.ShiftRules, put.ShiftRules);
        Assert.Equal(put, await client.GetPlanningSettingsAsync(new GetPlanningSettingsRequest()));

        var share = await Assert.ThrowsAsync<RpcException>(() => client.PutPlanningSettingsAsync(new PlanningSettings { IdleShare = 2 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, share.StatusCode);
        Assert.Contains("idle_share", share.Status.Detail, StringComparison.Ordinal);
        var zone = await Assert.ThrowsAsync<RpcException>(() => client.PutPlanningSettingsAsync(new PlanningSettings { TimeZone = "Mars/Olympus" }).ResponseAsync);
        Assert.Contains("time_zone", zone.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erlang_staffing_still_answers_the_classic_example()
    {
        var client = await service.ClientAsync(UniqueTenant.Next());
        var result = await client.ComputeErlangAsync(new ErlangRequest { Volume = 100, IntervalMinutes = 30, AhtSeconds = 180, TargetServiceLevel = 0.8, TargetSeconds = 20 });
        Assert.Equal(14, result.Agents);
        Assert.Equal(0.8883500191794669, result.ServiceLevel, 9);
    }
}
