using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Outbox;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Scheduling.Planning;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Events;

/// <summary>Writes the events announcing a plan or a schedule version to the outbox, in the caller's transaction.</summary>
public sealed class SchedulingEvents(IEventOutbox outbox)
{
    /// <summary>
    /// Largest requirements payload sent whole, in characters of its JSON (the CloudEvent's data): with the envelope
    /// it stays below the brokers' 1 MB message limit, and a larger message would stall the outbox relay.
    /// </summary>
    public const int MaxRequirementsJsonChars = 512 * 1024;

    public Task RequirementsComputedAsync(string tenantId, RequirementsPlan plan, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(
            transaction,
            new OutgoingEvent(Topics.SchedulingRequirements, EventTypes.RequirementsPublished, tenantId, plan.PlanId, Bounded(RequirementsPlanMapper.ToEvent(plan))),
            cancellationToken);

    /// <summary>The schedule's event, in parts when it is too large for one message (same key: they stay in order).</summary>
    public Task SchedulePublishedAsync(string tenantId, Schedule schedule, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(
            transaction,
            [.. ScheduleParts.Split(ScheduleMapper.ToEvent(schedule))
                .Select(part => new OutgoingEvent(Topics.SchedulingSchedules, EventTypes.SchedulePublished, tenantId, schedule.ScheduleId, part))],
            cancellationToken);

    private static RequirementsPublished Bounded(RequirementsPublished published)
    {
        if (ProtoJson.Format(published).Length <= MaxRequirementsJsonChars)
        {
            return published;
        }

        foreach (var queue in published.Queues)
        {
            queue.Intervals.Clear();
        }

        published.Totals.Clear();
        published.IntervalsOmitted = true;
        return published;
    }
}
