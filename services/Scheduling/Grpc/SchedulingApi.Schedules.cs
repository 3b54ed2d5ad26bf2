using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Scheduling.Planning;
using BackOfficeCloud.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BackOfficeCloud.Scheduling.Grpc;

public sealed partial class SchedulingApi
{
    public override Task<Schedule> GetSchedule(GetScheduleRequest request, ServerCallContext context) =>
        ScheduleAsync(Id(request.ScheduleId, "schedule_id"), request.Version, request.ScheduleId, context);

    [Authorize(Roles = Roles.Writers)]
    public override async Task<Schedule> PublishSchedule(PublishScheduleRequest request, ServerCallContext context)
    {
        var scheduleId = Id(request.ScheduleId, "schedule_id");
        var validation = request.Validate ? await ValidateAsync(request, scheduleId, context) : null;
        return await InTenantAsync(
            context,
            async transaction =>
            {
                var stored = await schedules.GetAsync(transaction, scheduleId, validation?.Version ?? request.Version, context.CancellationToken) ?? throw NotFound("schedule_id", $"{request.ScheduleId} v{request.Version}");
                var published = await schedules.MarkPublishedAsync(transaction, scheduleId, stored.Version, context.CancellationToken);
                var schedule = ScheduleMapper.ToApi(stored with { PublishedAt = published });
                await events.SchedulePublishedAsync(context.Tenant(), schedule, transaction, context.CancellationToken);
                schedule.Validation = validation ?? await validations.GetAsync(transaction, scheduleId, stored.Version, context.CancellationToken);
                return schedule;
            });
    }

    [Authorize(Roles = Roles.Writers)]
    public override Task<ReplanIntradayResponse> ReplanIntraday(ReplanIntradayRequest request, ServerCallContext context)
    {
        var scheduleId = Id(request.ScheduleId, "schedule_id");
        return InTenantAsync(
            context,
            async transaction =>
            {
                var latest = await schedules.GetAsync(transaction, scheduleId, 0, context.CancellationToken) ?? throw NotFound("schedule_id", request.ScheduleId);
                var replan = IntradayReplanning.Replan(latest, request);
                await schedules.InsertAsync(transaction, replan.Schedule, context.CancellationToken);
                var published = await schedules.MarkPublishedAsync(transaction, scheduleId, replan.Schedule.Version, context.CancellationToken);
                var schedule = ScheduleMapper.ToApi(replan.Schedule with { PublishedAt = published });
                await events.SchedulePublishedAsync(context.Tenant(), schedule, transaction, context.CancellationToken);
                return new ReplanIntradayResponse
                {
                    Schedule = schedule,
                    Changes = { replan.Changes },
                    MissingAgentHoursBefore = replan.MissingAgentHoursBefore,
                    MissingAgentHoursAfter = replan.MissingAgentHoursAfter,
                };
            });
    }

    private Task<Schedule> ScheduleAsync(Guid scheduleId, int version, string text, ServerCallContext context) =>
        InTenantAsync(context, async transaction =>
        {
            var schedule = ScheduleMapper.ToApi(await schedules.GetAsync(transaction, scheduleId, version, context.CancellationToken) ?? throw NotFound("schedule_id", text));
            schedule.Validation = await validations.GetAsync(transaction, scheduleId, schedule.Version, context.CancellationToken);
            return schedule;
        });
}
