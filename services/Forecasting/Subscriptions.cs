using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Forecasting.Handlers;
using BackOfficeCloud.Messaging.Hosting;

namespace BackOfficeCloud.Forecasting;

/// <summary>Every topic Forecasting listens to, and the handler that applies each event type.</summary>
public static class Subscriptions
{
    public static EventBusBuilder AddForecastingSubscriptions(this EventBusBuilder bus) => bus
        .HandlesBatch<InteractionIngested, InteractionIngestedHandler>(Topics.IngestionInteractions, EventTypes.InteractionIngested)
        .HandlesBatch<IntervalStatisticIngested, IntervalStatisticIngestedHandler>(Topics.IngestionIntervalStats, EventTypes.IntervalStatisticIngested)
        .HandlesBatch<WorkItemEventIngested, WorkItemEventIngestedHandler>(Topics.IngestionWorkItems, EventTypes.WorkItemEventIngested)
        .HandlesBatch<RosterQueueUpdated, RosterQueueUpdatedHandler>(Topics.IngestionRoster, EventTypes.RosterQueueUpdated);
}
