using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Scheduling.Tests.Support;
using BackOfficeCloud.TestKit;
using Grpc.Core;

namespace BackOfficeCloud.Scheduling.Tests.Simulation;

/// <summary>
/// SimulateSchedule and validate-before-publish on the one-day blended scenario (voice + claims), against the
/// service's real PostgreSQL and broker.
/// </summary>
[Collection(SchedulingCollection.Name)]
public class ScheduleSimulationTests(SchedulingServiceFixture service)
{
    private readonly PlanningScenario _scenario = new();

    /// <summary>Calls the voice forecast offers in the day: 40 quarter hours of <see cref="PlanningScenario.VoiceVolume"/>.</summary>
    private static double ForecastCalls => Enumerable.Range(0, 40).Sum(PlanningScenario.VoiceVolume);

    [Fact]
    public async Task A_schedule_that_covers_the_forecast_validates_and_publishes_with_its_validation()
    {
        var (_, client, schedule) = await ScheduledTenantAsync();

        var published = await client.PublishScheduleAsync(new PublishScheduleRequest { ScheduleId = schedule.ScheduleId, Validate = true });

        Assert.NotNull(published.PublishedAt);
        var validation = published.Validation;
        Assert.True(validation.MeetsTargets, string.Join("; ", validation.Misses));
        Assert.Equal("threshold", validation.Policy);
        Assert.Equal(10, validation.Replications);
        var voice = validation.Queues.Single();
        Assert.Equal(PlanningScenario.Voice, voice.Queue);
        Assert.Equal(0.8, voice.TargetServiceLevel);
        Assert.Equal(20, voice.ThresholdSeconds);
        Assert.InRange(ForecastCalls, voice.Offered.Mean - voice.Offered.HalfWidth - 3, voice.Offered.Mean + voice.Offered.HalfWidth + 3);
        Assert.True(voice.ServiceLevel.Mean >= 0.75, $"service level {voice.ServiceLevel.Mean}");
        Assert.Equal(96, validation.Intervals.Count);
        Assert.Equal(ForecastCalls, validation.Intervals.Sum(i => i.Queues[0].Offered), ForecastCalls * 0.1);
        Assert.True(validation.BackOffice.Arrived.Mean >= PlanningScenario.BacklogItems, $"{validation.BackOffice.Arrived.Mean} items arrived");
        Assert.InRange(validation.PhoneOccupancy.Mean, 0.05, 1);
        Assert.Equal(validation, (await client.GetScheduleAsync(new GetScheduleRequest { ScheduleId = schedule.ScheduleId })).Validation);
    }

    [Fact]
    public async Task Eighty_percent_more_calls_or_most_agents_absent_miss_and_publishing_is_refused_unless_forced()
    {
        var (_, client, schedule) = await ScheduledTenantAsync();
        var moreCalls = new SimulateScheduleRequest { ArrivalMultipliers = { new ArrivalMultiplier { Queue = PlanningScenario.Voice, Multiplier = 1.8 } } };

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.PublishScheduleAsync(new PublishScheduleRequest { ScheduleId = schedule.ScheduleId, Validate = true, Simulation = moreCalls }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("voice: service level", refused.Status.Detail, StringComparison.Ordinal);
        var stored = await client.GetScheduleAsync(new GetScheduleRequest { ScheduleId = schedule.ScheduleId });
        Assert.Null(stored.PublishedAt);
        Assert.False(stored.Validation.MeetsTargets);
        Assert.True(stored.Validation.Queues[0].Shortfall > stored.Validation.Tolerance);
        Assert.Equal(1.8 * ForecastCalls, stored.Validation.Queues[0].Offered.Mean, 1.8 * ForecastCalls * 0.1);

        var absent = new SimulateScheduleRequest { AbsentShare = 0.75 };
        var refusedAbsent = await Assert.ThrowsAsync<RpcException>(() =>
            client.PublishScheduleAsync(new PublishScheduleRequest { ScheduleId = schedule.ScheduleId, Validate = true, Simulation = absent }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refusedAbsent.StatusCode);
        var withAbsentees = (await client.GetScheduleAsync(new GetScheduleRequest { ScheduleId = schedule.ScheduleId })).Validation;
        Assert.Equal((int)Math.Round(0.75 * EmployeesWithShifts(schedule)), withAbsentees.AbsentEmployees);
        Assert.False(withAbsentees.MeetsTargets);

        var forced = await client.PublishScheduleAsync(new PublishScheduleRequest { ScheduleId = schedule.ScheduleId, Validate = true, Force = true, Simulation = moreCalls });
        Assert.NotNull(forced.PublishedAt);
        Assert.False(forced.Validation.MeetsTargets);
    }

    [Fact]
    public async Task A_fixed_seed_gives_the_same_KPIs_and_another_seed_other_ones()
    {
        var (_, client, schedule) = await ScheduledTenantAsync();
        SimulateScheduleRequest Request(int seed) => new() { ScheduleId = schedule.ScheduleId, Policy = "silo", Replications = 4, Seed = seed };

        var first = await client.SimulateScheduleAsync(Request(7));
        var again = await client.SimulateScheduleAsync(Request(7));
        var other = await client.SimulateScheduleAsync(Request(8));

        Assert.Equal("silo", first.Policy);
        Assert.Equal(Comparable(first), Comparable(again));
        Assert.NotEqual(Comparable(first), Comparable(other));
    }

    [Fact]
    public async Task Bad_requests_are_refused_naming_the_field()
    {
        var (_, client, schedule) = await ScheduledTenantAsync();

        async Task<RpcException> RefusedAsync(SimulateScheduleRequest request)
        {
            request.ScheduleId = schedule.ScheduleId;
            return await Assert.ThrowsAsync<RpcException>(() => client.SimulateScheduleAsync(request).ResponseAsync);
        }

        Assert.Contains("policy", (await RefusedAsync(new() { Policy = "random" })).Status.Detail, StringComparison.Ordinal);
        Assert.Contains("replications", (await RefusedAsync(new() { Replications = 101 })).Status.Detail, StringComparison.Ordinal);
        var unknownQueue = await RefusedAsync(new() { ArrivalMultipliers = { new ArrivalMultiplier { Queue = "chat", Multiplier = 2 } } });
        Assert.Equal(StatusCode.InvalidArgument, unknownQueue.StatusCode);
        Assert.Contains("arrival_multipliers", unknownQueue.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("absentees", (await RefusedAsync(new() { Absentees = 1000 })).Status.Detail, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<RpcException>(() => client.SimulateScheduleAsync(new SimulateScheduleRequest { ScheduleId = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_list_has_the_latest_schedule_of_the_period_and_is_empty_for_a_new_tenant()
    {
        var (_, client, schedule) = await ScheduledTenantAsync();

        var listed = Assert.Single((await client.ListSchedulesAsync(new ListSchedulesRequest())).Schedules);

        Assert.Equal(schedule.ScheduleId, listed.ScheduleId);
        Assert.Equal(schedule.PeriodStart, listed.PeriodStart);
        Assert.Equal(schedule.PeriodEnd, listed.PeriodEnd);
        Assert.Equal(new[] { PlanningScenario.Voice }, listed.Queues);
        Assert.Equal(EmployeesWithShifts(schedule), listed.Employees);
        var stranger = await service.ClientAsync(UniqueTenant.Next());
        Assert.Empty((await stranger.ListSchedulesAsync(new ListSchedulesRequest())).Schedules);
    }

    [Fact]
    public async Task Rest_callers_simulate_list_and_get_problem_details_naming_the_field()
    {
        var (tenant, _, schedule) = await ScheduledTenantAsync();
        using var rest = await service.RestAsync(tenant);

        using var simulated = await rest.PostAsJsonAsync(
            $"/v1/schedules/{schedule.ScheduleId}:simulate",
            new { policy = "greedy", replications = 2, arrivalMultipliers = new[] { new { queue = PlanningScenario.Voice, multiplier = 1.2 } } });
        Assert.Equal(HttpStatusCode.OK, simulated.StatusCode);
        var simulation = JsonNode.Parse(await simulated.Content.ReadAsStringAsync())!;
        Assert.Equal("greedy", simulation["policy"]!.GetValue<string>());
        Assert.Equal(PlanningScenario.Voice, simulation["queues"]![0]!["queue"]!.GetValue<string>());
        Assert.Equal(1.2, simulation["arrivalMultipliers"]![0]!["multiplier"]!.GetValue<double>());

        using var listed = await rest.GetAsync("/v1/schedules");
        Assert.Equal(schedule.ScheduleId, JsonNode.Parse(await listed.Content.ReadAsStringAsync())!["schedules"]![0]!["scheduleId"]!.GetValue<string>());

        using var bad = await rest.PostAsJsonAsync($"/v1/schedules/{schedule.ScheduleId}:simulate", new { policy = "random" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal("policy", JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]![0]!["field"]!.GetValue<string>());
    }

    private static int EmployeesWithShifts(Schedule schedule) => schedule.Shifts.Select(s => s.EmployeeId).Distinct().Count();

    /// <summary>The KPIs without what depends on the run's moment (wall time, simulated_at).</summary>
    private static ScheduleSimulation Comparable(ScheduleSimulation simulation)
    {
        var copy = simulation.Clone();
        copy.Seconds = 0;
        copy.SimulatedAt = null;
        return copy;
    }

    private async Task<(string Tenant, SchedulingService.SchedulingServiceClient Client, Schedule Schedule)> ScheduledTenantAsync()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        await service.PublishAndApplyAsync(tenant, _scenario.Events(tenant));
        var plan = await client.ComputeRequirementsAsync(_scenario.Period());
        var job = await client.CreateScheduleJobAsync(new CreateScheduleJobRequest { PlanId = plan.PlanId, TimeLimitSeconds = 5 });
        var last = (await ScheduleJobUpdates.AllAsync(client, job.JobId)).LastOrDefault();
        Assert.Equal("succeeded", last?.State);
        return (tenant, client, await client.GetScheduleAsync(new GetScheduleRequest { ScheduleId = last!.ScheduleId }));
    }
}
