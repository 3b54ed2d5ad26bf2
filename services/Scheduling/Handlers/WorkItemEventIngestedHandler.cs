using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Scheduling.Storage;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Handlers;

/// <summary>Keeps the current state of every work item (the open ones are the backlog a plan must work off).</summary>
public sealed class WorkItemEventIngestedHandler(WorkItemStore items) : IEventBatchHandler<WorkItemEventIngested>
{
    public Task HandleAsync(IReadOnlyList<ConsumedEvent<WorkItemEventIngested>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        items.UpsertAsync(transaction, events.Select(e => e.Payload), cancellationToken);
}
