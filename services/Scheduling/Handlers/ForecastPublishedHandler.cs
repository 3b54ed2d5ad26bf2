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
            events.Select(e => new KeyedPayload<ForecastPublished>(e.Payload.Queue, Issued(e), e.Payload.Version, e.Payload)),
            cancellationToken);

    private static DateTime Issued(ConsumedEvent<ForecastPublished> e) => e.Payload.CreatedAt?.ToDateTime() ?? e.Context.Time.UtcDateTime;
}
