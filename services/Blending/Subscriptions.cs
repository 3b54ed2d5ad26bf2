using BackOfficeCloud.Blending.Handlers;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Hosting;

namespace BackOfficeCloud.Blending;

/// <summary>Every topic Blending listens to; each event is applied to the tenant's desk as a fact.</summary>
public static class Subscriptions
{
    public static EventBusBuilder AddBlendingSubscriptions(this EventBusBuilder bus) => bus
        .HandlesBatch<AgentStateChanged, FactHandler<AgentStateChanged>>(Topics.IngestionAgentStates, EventTypes.AgentStateChanged)
        .HandlesBatch<InteractionIngested, FactHandler<InteractionIngested>>(Topics.IngestionInteractions, EventTypes.InteractionIngested)
        .HandlesBatch<WorkItemEventIngested, FactHandler<WorkItemEventIngested>>(Topics.IngestionWorkItems, EventTypes.WorkItemEventIngested)
        .HandlesBatch<RosterAgentUpdated, FactHandler<RosterAgentUpdated>>(Topics.IngestionRoster, EventTypes.RosterAgentUpdated)
        .HandlesBatch<RosterQueueUpdated, FactHandler<RosterQueueUpdated>>(Topics.IngestionRoster, EventTypes.RosterQueueUpdated)
        .HandlesBatch<SchedulePublished, FactHandler<SchedulePublished>>(Topics.SchedulingSchedules, EventTypes.SchedulePublished);
}
