using BackOfficeCloud.Contracts.Ingestion.V1;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>Every kind the service takes in.</summary>
public sealed class RecordKinds(IngestionOptions options)
{
    public InteractionKind Interactions { get; } = new(options);

    public IntervalStatisticKind IntervalStatistics { get; } = new();

    public WorkItemKind WorkItems { get; } = new();

    public WorkItemEventKind WorkItemEvents { get; } = new();

    public AgentStateKind AgentStates { get; } = new();

    public RosterAgentKind RosterAgents { get; } = new();

    public RosterQueueKind RosterQueues { get; } = new();

    /// <summary>The CLI's and HTTP upload's names of the kinds, e.g. <c>interactions</c>.</summary>
    public static IReadOnlyDictionary<string, RecordKind> ByName { get; } = new Dictionary<string, RecordKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["interactions"] = RecordKind.Interaction,
        ["interval_statistics"] = RecordKind.IntervalStatistic,
        ["work_items"] = RecordKind.WorkItem,
        ["work_item_events"] = RecordKind.WorkItemEvent,
        ["agent_states"] = RecordKind.AgentState,
        ["roster_agents"] = RecordKind.RosterAgent,
        ["roster_queues"] = RecordKind.RosterQueue,
    };
}
