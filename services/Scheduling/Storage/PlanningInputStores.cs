using BackOfficeCloud.Contracts.Events.V1;

namespace BackOfficeCloud.Scheduling.Storage;

/// <summary>The stores of what the planner reads from events, one per payload kind.</summary>
public static class PlanningInputStores
{
    public static LatestPayloadStore<ForecastPublished> Forecasts { get; } = new("forecasts", "queue");

    public static LatestPayloadStore<RosterQueueUpdated> Queues { get; } = new("roster_queues", "queue");

    public static LatestPayloadStore<RosterAgentUpdated> Agents { get; } = new("roster_agents", "agent_id");
}
