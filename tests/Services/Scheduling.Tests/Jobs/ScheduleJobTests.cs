using BackOfficeCloud.TestKit.Services;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Scheduling.Tests.Support;
using BackOfficeCloud.TestKit;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Tests.Jobs;

[Collection(SchedulingCollection.Name)]
public class ScheduleJobTests(SchedulingServiceFixture service)
{
    private readonly PlanningScenario _scenario = new();

    [Fact]
    public async Task A_job_streams_progress_completes_without_violations_and_its_schedule_is_published()
    {
        var (tenant, client, plan) = await PlannedTenantAsync(days: 7);

        // no gap tolerance: the solve runs for its whole time limit, reporting as it goes
        var job = await client.CreateScheduleJobAsync(new CreateScheduleJobRequest { PlanId = plan.PlanId, TimeLimitSeconds = 8, GapTolerance = 0 });
        Assert.Equal(PlanningScenario.Agents, job.Employees);
        var updates = await ScheduleJobUpdates.AllAsync(client, job.JobId);

        var last = updates[^1];
        Assert.Equal("succeeded", last.State);
        Assert.Contains(updates, u => u.State == "running");
        Assert.Contains(updates, u => u.LowerBound > 0);
        Assert.True(last.Objective >= last.LowerBound - 1e-6);
        Assert.InRange(last.Gap, 0, 1);

        var schedule = await client.GetScheduleAsync(new GetScheduleRequest { ScheduleId = last.ScheduleId });
        Assert.Empty(schedule.Violations);
        Assert.Equal(1, schedule.Version);
        Assert.All(schedule.Shifts.GroupBy(s => s.EmployeeId), shifts => Assert.InRange(shifts.Count(), 1, 5));
        Assert.All(schedule.Shifts, s =>
        {
            Assert.Equal(s.Start, s.Segments[0].Start);
            Assert.Equal(s.End, s.Segments[^1].End);
            Assert.All(s.Segments.Zip(s.Segments.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        });
        Assert.Contains(schedule.Shifts.SelectMany(s => s.Segments), a => a.Activity == "phone");
        Assert.Equal(7 * 96, schedule.Coverage.Single(c => c.Skill == PlanningScenario.Voice).Covered.Count);
        Assert.Equal(last.Objective, schedule.Objective.Total, 6);
        Assert.Null(schedule.PublishedAt);

        var published = await client.PublishScheduleAsync(new PublishScheduleRequest { ScheduleId = schedule.ScheduleId });
        Assert.NotNull(published.PublishedAt);
        var announced = await service.PublishedScheduleAsync(tenant, schedule.ScheduleId, 1);
        Assert.NotNull(announced);
        Assert.Equal(schedule.Shifts, announced.Shifts);
        Assert.Equal(plan.PlanId, announced.PlanId);

        var stranger = await service.ClientAsync(UniqueTenant.Next());
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => stranger.GetScheduleAsync(new GetScheduleRequest { ScheduleId = schedule.ScheduleId }).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => stranger.GetScheduleJobAsync(new GetScheduleJobRequest { JobId = job.JobId }).ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_running_job_returns_the_best_schedule_so_far()
    {
        var (_, client, plan) = await PlannedTenantAsync(days: 7);
        var job = await client.CreateScheduleJobAsync(new CreateScheduleJobRequest { PlanId = plan.PlanId, TimeLimitSeconds = 600, GapTolerance = 0 });
        var running = await Eventually.HoldsAsync(async () =>
            (await client.GetScheduleJobAsync(new GetScheduleJobRequest { JobId = job.JobId })).State == "running");
        Assert.True(running);

        var cancelled = await client.CancelScheduleJobAsync(new CancelScheduleJobRequest { JobId = job.JobId });

        Assert.Equal("cancelled", cancelled.Job.State);
        Assert.True(cancelled.Job.ElapsedSeconds < 600);
        Assert.Equal("cancelled", cancelled.Schedule.Status);
        Assert.NotEmpty(cancelled.Schedule.Shifts);
        Assert.Empty(cancelled.Schedule.Violations);
    }

    [Fact]
    public async Task One_solve_runs_at_a_time_and_the_next_job_waits_queued()
    {
        var (_, client, plan) = await PlannedTenantAsync();
        var first = await client.CreateScheduleJobAsync(new CreateScheduleJobRequest { PlanId = plan.PlanId, TimeLimitSeconds = 4, GapTolerance = 0 });
        var second = await client.CreateScheduleJobAsync(new CreateScheduleJobRequest { PlanId = plan.PlanId, TimeLimitSeconds = 2, GapTolerance = 0 });

        var states = new List<(string First, string Second)>();
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            var pair = ((await client.GetScheduleJobAsync(new GetScheduleJobRequest { JobId = first.JobId })).State,
                (await client.GetScheduleJobAsync(new GetScheduleJobRequest { JobId = second.JobId })).State);
            states.Add(pair);
            return pair.Item2 == "succeeded";
        }));

        Assert.DoesNotContain(states, s => s is ("running", "running"));
        Assert.Contains(states, s => s is ("running", "queued"));
        Assert.Equal("succeeded", states[^1].First);
    }

    [Fact]
    public async Task An_intraday_absence_changes_few_segments_and_publishes_a_new_version()
    {
        var (tenant, client, plan) = await PlannedTenantAsync();
        var job = await client.CreateScheduleJobAsync(new CreateScheduleJobRequest { PlanId = plan.PlanId, TimeLimitSeconds = 5 });
        var done = (await ScheduleJobUpdates.AllAsync(client, job.JobId))[^1];
        var schedule = await client.GetScheduleAsync(new GetScheduleRequest { ScheduleId = done.ScheduleId });
        var now = _scenario.At(11);
        var absent = schedule.Shifts.First(s => s.Start.ToDateTimeOffset() < now && s.End.ToDateTimeOffset() > now.AddHours(2) && s.Segments.Any(a => a.Activity == "phone")).EmployeeId;

        var replan = await client.ReplanIntradayAsync(new ReplanIntradayRequest
        {
            ScheduleId = schedule.ScheduleId,
            Now = Timestamp.FromDateTimeOffset(now),
            Absences = { new Absence { EmployeeId = absent } },
        });

        Assert.Equal(2, replan.Schedule.Version);
        Assert.NotNull(replan.Schedule.PublishedAt);
        Assert.Contains(replan.Changes, c => c.EmployeeId == absent && c.Kind == "absent");
        Assert.True(replan.MissingAgentHoursAfter <= replan.MissingAgentHoursBefore + 1e-9);
        var before = schedule.Shifts.Where(s => s.EmployeeId != absent).SelectMany(s => s.Segments).ToHashSet();
        var after = replan.Schedule.Shifts.Where(s => s.EmployeeId != absent).SelectMany(s => s.Segments).ToList();
        var changed = after.Count(a => !before.Contains(a));
        Assert.True(changed <= before.Count / 4, $"{changed} of {before.Count} segments of the others changed");
        Assert.All(replan.Schedule.Shifts.Where(s => s.EmployeeId == absent).SelectMany(s => s.Segments), a => Assert.True(a.End.ToDateTimeOffset() <= now));
        Assert.NotNull(await service.PublishedScheduleAsync(tenant, schedule.ScheduleId, 2));
        Assert.Equal(replan.Schedule, await client.GetScheduleAsync(new GetScheduleRequest { ScheduleId = schedule.ScheduleId }));

        var unknown = await Assert.ThrowsAsync<RpcException>(() => client.ReplanIntradayAsync(new ReplanIntradayRequest
        {
            ScheduleId = schedule.ScheduleId,
            Now = Timestamp.FromDateTimeOffset(now),
            Absences = { new Absence { EmployeeId = "nobody" } },
        }).ResponseAsync);
        Assert.Contains("absences[0].employee_id", unknown.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_job_whose_runner_stopped_is_failed_not_left_running()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        var jobId = Guid.NewGuid();
        await service.InTenantAsync(
            tenant,
            async transaction =>
            {
                await using var insert = new NpgsqlCommand(
                    """
                    INSERT INTO scheduling.schedule_jobs (tenant_id, job_id, plan_id, state, time_limit_seconds, gap_tolerance, employees, problem, runner, heartbeat_at)
                    VALUES ($1, $2, $3, 'running', 60, 0.001, 1, '{}', 'a pod that died', now() - interval '10 minutes')
                    """,
                    transaction.Connection,
                    transaction);
                insert.Parameters.Add(new NpgsqlParameter { Value = tenant });
                insert.Parameters.Add(new NpgsqlParameter { Value = jobId });
                insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
                await insert.ExecuteNonQueryAsync();
            });

        ScheduleJob? job = null;
        Assert.True(await Eventually.HoldsAsync(async () =>
            (job = await client.GetScheduleJobAsync(new GetScheduleJobRequest { JobId = jobId.ToString() })).State == "failed", TimeSpan.FromSeconds(30)));
        Assert.Contains("stopped", job!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_plans_bad_time_limits_and_unschedulable_intervals_are_refused_naming_the_field()
    {
        var (_, client, _) = await PlannedTenantAsync();

        var unknown = await Assert.ThrowsAsync<RpcException>(() => client.CreateScheduleJobAsync(new CreateScheduleJobRequest { PlanId = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("plan_id", unknown.Status.Detail, StringComparison.Ordinal);

        var limit = await Assert.ThrowsAsync<RpcException>(() => client.CreateScheduleJobAsync(new CreateScheduleJobRequest { PlanId = Guid.NewGuid().ToString(), TimeLimitSeconds = -1 }).ResponseAsync);
        Assert.Contains("time_limit_seconds", limit.Status.Detail, StringComparison.Ordinal);

        var hourly = await Assert.ThrowsAsync<RpcException>(() => client.CreateScheduleJobAsync(new CreateScheduleJobRequest { Period = _scenario.Period(intervalMinutes: 60) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, hourly.StatusCode);
        Assert.Contains("plan_id", hourly.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<(string Tenant, SchedulingService.SchedulingServiceClient Client, RequirementsPlan Plan)> PlannedTenantAsync(int days = 1)
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        await service.PublishAndApplyAsync(tenant, _scenario.Events(tenant, days: days));
        return (tenant, client, await client.ComputeRequirementsAsync(_scenario.Period(days: days)));
    }
}
