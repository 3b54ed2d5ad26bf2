using BackOfficeCloud.Analytics.Handlers;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Hosting;

namespace BackOfficeCloud.Analytics;

/// <summary>Every topic Analytics listens to, and the handler that applies each event type.</summary>
public static class Subscriptions
{
    public static EventBusBuilder AddAnalyticsSubscriptions(this EventBusBuilder bus) =>
        bus.HandlesBatch<InteractionIngested, InteractionIngestedHandler>(Topics.IngestionInteractions, EventTypes.InteractionIngested);
}
