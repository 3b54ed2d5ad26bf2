using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Messaging.Outbox;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Scheduling.Planning;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Events;

/// <summary>Writes the events announcing a plan or a schedule version to the outbox, in the caller's transaction.</summary>
public sealed class SchedulingEvents(IEventOutbox outbox)
{
    public Task RequirementsComputedAsync(string tenantId, RequirementsPlan plan, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(
            transaction,
            new OutgoingEvent(Topics.SchedulingRequirements, EventTypes.RequirementsPublished, tenantId, plan.PlanId, RequirementsPlanMapper.ToEvent(plan)),
            cancellationToken);

    public Task SchedulePublishedAsync(string tenantId, Schedule schedule, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(
            transaction,
            new OutgoingEvent(Topics.SchedulingSchedules, EventTypes.SchedulePublished, tenantId, schedule.ScheduleId, ScheduleMapper.ToEvent(schedule)),
            cancellationToken);
}
