using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Validation;
using BackOfficeCloud.Scheduling.Planning;
using BackOfficeCloud.Scheduling.Storage;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BackOfficeCloud.Scheduling.Grpc;

public sealed partial class SchedulingApi
{
    private const int DefaultTimeLimitSeconds = 60;
    private const int MaxTimeLimitSeconds = 3600;
    private const double DefaultGapTolerance = 0.001;

    /// <summary>How often a watch or a cancel looks at the job's row.</summary>
    private static readonly TimeSpan JobPollInterval = TimeSpan.FromMilliseconds(250);

    [Authorize(Roles = Roles.Writers)]
    public override async Task<ScheduleJob> CreateScheduleJob(CreateScheduleJobRequest request, ServerCallContext context)
    {
        var timeLimit = request.TimeLimitSeconds == 0 ? DefaultTimeLimitSeconds : request.TimeLimitSeconds;
        if (timeLimit is < 1 or > MaxTimeLimitSeconds)
        {
            throw new ValidationException("time_limit_seconds", $"{request.TimeLimitSeconds} must be between 1 and {MaxTimeLimitSeconds}");
        }

        var gapTolerance = request.HasGapTolerance ? request.GapTolerance : DefaultGapTolerance;
        if (!(gapTolerance is >= 0 and < 1))
        {
            throw new ValidationException("gap_tolerance", $"{request.GapTolerance} must be at least 0 and below 1");
        }

        var tenant = context.Tenant();
        var planId = request.PlanId.Length > 0 ? Id(request.PlanId, "plan_id")
            : request.Period is not null ? Guid.Parse((await requirements.ComputeAsync(tenant, request.Period, context.CancellationToken)).PlanId)
            : throw new ValidationException("plan_id", "give a plan_id, or a period to plan first");
        var jobId = Guid.CreateVersion7();
        var job = await InTenantAsync(
            context,
            async transaction =>
            {
                var demand = await plans.GetDemandAsync(transaction, planId, context.CancellationToken) ?? throw NotFound("plan_id", request.PlanId);
                var agents = await PlanningInputStores.Agents.ReadAllAsync(transaction, context.CancellationToken);
                var tenantSettings = PlanningSettingsDefaults.Complete(await settings.GetAsync(transaction, context.CancellationToken));
                var horizon = demand.Horizon;
                var grid = IntervalGrid.Build(LocalTime.FindZone(horizon.TimeZone), horizon.FirstDay, horizon.Days, horizon.IntervalMinutes);
                var activities = await PlannedActivityStore.OverlappingAsync(transaction, grid[0].StartUtc, grid[^1].EndUtc, context.CancellationToken);
                var problem = ScheduleProblemBuilder.Build(demand, agents.Values, tenantSettings, activities);
                ProblemValidator.Validate(problem, grid.Count);
                await jobs.CreateAsync(transaction, jobId, planId, timeLimit, gapTolerance, problem, context.CancellationToken);
                return await jobs.GetAsync(transaction, jobId, context.CancellationToken);
            });
        queued.Queued();
        return job!;
    }

    public override Task<ScheduleJob> GetScheduleJob(GetScheduleJobRequest request, ServerCallContext context) =>
        JobAsync(Id(request.JobId, "job_id"), request.JobId, context);

    public override async Task WatchScheduleJob(GetScheduleJobRequest request, IServerStreamWriter<ScheduleJob> responseStream, ServerCallContext context)
    {
        var jobId = Id(request.JobId, "job_id");
        ScheduleJob? last = null;
        while (true)
        {
            var job = await JobAsync(jobId, request.JobId, context);
            if (!job.Equals(last))
            {
                await responseStream.WriteAsync(job, context.CancellationToken);
                last = job;
            }

            if (IsFinished(job))
            {
                return;
            }

            await Task.Delay(JobPollInterval, context.CancellationToken);
        }
    }

    [Authorize(Roles = Roles.Writers)]
    public override async Task<CancelScheduleJobResponse> CancelScheduleJob(CancelScheduleJobRequest request, ServerCallContext context)
    {
        var jobId = Id(request.JobId, "job_id");
        if (!await InTenantAsync(context, t => jobs.RequestCancelAsync(t, jobId, context.CancellationToken)))
        {
            throw NotFound("job_id", request.JobId);
        }

        var job = await JobAsync(jobId, request.JobId, context);
        while (!IsFinished(job))
        {
            await Task.Delay(JobPollInterval, context.CancellationToken);
            job = await JobAsync(jobId, request.JobId, context);
        }

        var response = new CancelScheduleJobResponse { Job = job };
        if (job.ScheduleId.Length > 0)
        {
            response.Schedule = await ScheduleAsync(Guid.Parse(job.ScheduleId), 0, job.ScheduleId, context);
        }

        return response;
    }

    private Task<ScheduleJob> JobAsync(Guid jobId, string text, ServerCallContext context) =>
        InTenantAsync(context, async transaction => await jobs.GetAsync(transaction, jobId, context.CancellationToken) ?? throw NotFound("job_id", text));

    private static bool IsFinished(ScheduleJob job) => job.State is JobStates.Succeeded or JobStates.Cancelled or JobStates.Failed;
}
