using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Scheduling.Storage;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Handlers;

/// <summary>Keeps each roster queue's definition at its highest version.</summary>
public sealed class RosterQueueUpdatedHandler : IEventBatchHandler<RosterQueueUpdated>
{
    public Task HandleAsync(IReadOnlyList<ConsumedEvent<RosterQueueUpdated>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        PlanningInputStores.Queues.UpsertAsync(
            transaction, events.Select(e => new KeyedPayload<RosterQueueUpdated>(e.Payload.Queue, DateTime.UnixEpoch, e.Payload.Version, e.Payload)), cancellationToken);
}

/// <summary>Keeps each roster agent (skills, team, contract) at its highest version.</summary>
public sealed class RosterAgentUpdatedHandler : IEventBatchHandler<RosterAgentUpdated>
{
    public Task HandleAsync(IReadOnlyList<ConsumedEvent<RosterAgentUpdated>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        PlanningInputStores.Agents.UpsertAsync(
            transaction, events.Select(e => new KeyedPayload<RosterAgentUpdated>(e.Payload.AgentId, DateTime.UnixEpoch, e.Payload.Version, e.Payload)), cancellationToken);
}
