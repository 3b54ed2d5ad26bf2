using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Forecasting.Storage;
using BackOfficeCloud.Messaging.Consuming;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Handlers;

/// <summary>Each contact counts once in its queue's arrival interval: offered, and handled with its handle time unless abandoned.</summary>
public sealed class InteractionIngestedHandler(ContributionStore contributions) : IEventBatchHandler<InteractionIngested>
{
    public Task HandleAsync(IReadOnlyList<ConsumedEvent<InteractionIngested>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        contributions.ApplyAsync(SeriesKey.Contacts, [.. events.Select(e => ToContribution(e.Payload))], transaction, cancellationToken);

    private static Contribution ToContribution(InteractionIngested i)
    {
        var handled = i.Abandoned ? 0 : 1;
        return new Contribution(i.InteractionId, i.Queue, i.ArrivedAt.ToDateTimeOffset(), 1, handled, handled * i.HandleSeconds, i.Version);
    }
}
