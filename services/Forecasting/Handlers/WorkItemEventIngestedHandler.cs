using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Forecasting.Storage;
using BackOfficeCloud.Messaging.Consuming;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Handlers;

/// <summary>
/// Each work item counts once as an arrival of its work type at its creation time, with its expected effort as handle
/// time. Every lifecycle event carries the item's state, so the latest version decides (a corrected work type or
/// creation time moves the arrival).
/// </summary>
public sealed class WorkItemEventIngestedHandler(ContributionStore contributions) : IEventBatchHandler<WorkItemEventIngested>
{
    public Task HandleAsync(IReadOnlyList<ConsumedEvent<WorkItemEventIngested>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        contributions.ApplyAsync(SeriesKey.WorkItems, [.. events.Select(e => e.Payload).Where(HasArrival).Select(ToContribution)], transaction, cancellationToken);

    private static bool HasArrival(WorkItemEventIngested w) =>
        w.WorkType.Length > 0 && (w.CreatedAt is not null || (w.Event == "created" && w.OccurredAt is not null));

    private static Contribution ToContribution(WorkItemEventIngested w) =>
        new(w.WorkItemId, w.WorkType, (w.CreatedAt ?? w.OccurredAt).ToDateTimeOffset(), 1, 1, w.EffortMinutes * 60, w.Version);
}
