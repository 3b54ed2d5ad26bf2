using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Scheduling.Handlers;

namespace BackOfficeCloud.Scheduling;

/// <summary>Every topic Scheduling listens to, and the handler that applies each event type: the planner's inputs.</summary>
public static class Subscriptions
{
    public static EventBusBuilder AddSchedulingSubscriptions(this EventBusBuilder bus) => bus
        .HandlesBatch<ForecastPublished, ForecastPublishedHandler>(Topics.ForecastingForecasts, EventTypes.ForecastPublished)
        .HandlesBatch<RosterQueueUpdated, RosterQueueUpdatedHandler>(Topics.IngestionRoster, EventTypes.RosterQueueUpdated)
        .HandlesBatch<RosterAgentUpdated, RosterAgentUpdatedHandler>(Topics.IngestionRoster, EventTypes.RosterAgentUpdated)
        .HandlesBatch<WorkItemEventIngested, WorkItemEventIngestedHandler>(Topics.IngestionWorkItems, EventTypes.WorkItemEventIngested);
}
