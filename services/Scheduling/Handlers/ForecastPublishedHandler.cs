using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Scheduling.Storage;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Handlers;

/// <summary>Keeps the latest forecast per queue (or work type): the newest created, then the highest version.</summary>
public sealed class ForecastPublishedHandler : IEventBatchHandler<ForecastPublished>
{
    public Task HandleAsync(IReadOnlyList<ConsumedEvent<ForecastPublished>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        PlanningInputStores.Forecasts.UpsertAsync(
            transaction,
            events.Select(e => new KeyedPayload<ForecastPublished>(e.Payload.Queue, (e.Payload.CreatedAt ?? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(e.Context.Time)).ToDateTime(), e.Payload.Version, e.Payload)),
            cancellationToken);
}
