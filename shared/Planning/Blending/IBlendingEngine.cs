using BackOfficeCloud.Planning.Blending.Decisions;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending;

/// <summary>
/// Real-time blending for one tenant: keeps the live state (queues, agents, open items) and decides, for each agent
/// event, whether the agent gets a back-office item, stays free for contacts or is recalled to a queue. Every call
/// takes the current instant explicitly. Agents are addressed by the index <see cref="AddAgent"/> returned (the
/// setup's agents are 0..n-1), queues, skills and item types by their index in <see cref="BlendingSetup"/>.
/// </summary>
public interface IBlendingEngine
{
    BlendingSetup Setup { get; }

    int AddAgent(AgentProfile profile);

    /// <summary>A new or re-opened item enters the backlog.</summary>
    void AddItem(in BackOfficeItem item, DateTimeOffset now);

    /// <summary>An item completed or cancelled outside an agent's task; unknown ids are ignored.</summary>
    void RemoveItem(long itemId);

    /// <summary>The schedule moved the agent into a new activity (shift start or end, break, phone or back-office block).</summary>
    void SetSchedule(int agent, ScheduledActivity activity, DateTimeOffset now);

    /// <summary>The contact router connected a contact of <paramref name="queue"/> to the agent.</summary>
    void StartContact(int agent, int queue, DateTimeOffset now);

    /// <summary>The agent ended a contact: what next.</summary>
    BlendingDecision FinishContact(int agent, DateTimeOffset now);

    /// <summary>The agent completed the current item, or pended it until <paramref name="pendedUntil"/>: what next.</summary>
    BlendingDecision FinishItem(int agent, DateTimeOffset now, DateTimeOffset? pendedUntil = null);

    /// <summary>What a free agent should do now (after a shift start, or when work arrived); an agent off schedule gets nothing.</summary>
    BlendingDecision Decide(int agent, DateTimeOffset now);

    /// <summary>New state of a queue; appends to <paramref name="recalls"/> the agents recalled to it.</summary>
    void UpdateQueue(int queue, in QueueObservation observation, DateTimeOffset now, List<BlendingDecision> recalls);

    /// <summary>Recalls agents to a queue short of free agents, e.g. after schedule changes; appends to <paramref name="recalls"/>.</summary>
    void Rebalance(int queue, DateTimeOffset now, List<BlendingDecision> recalls);

    /// <summary>A supervisor-readable sentence for a decision's reason.</summary>
    string Describe(DecisionReason reason);

    /// <summary>The live picture of a queue, as the policy sees it.</summary>
    QueueView ViewQueue(int queue);

    /// <summary>An agent's activity, how long they have been in it, and their item or contact queue.</summary>
    AgentStatus ViewAgent(int agent, DateTimeOffset now);

    int OpenItems { get; }

    /// <summary>Setup learned while running (a service learns skills, queues and work types from events); each returns the new index.</summary>
    int AddSkill(string name);

    int AddItemType(ItemTypeSetup itemType);

    int AddQueue(ImmediateQueueSetup queue);

    /// <summary>New service-level goal or policy of a queue; the skill that serves it cannot change.</summary>
    void ChangeQueue(int queue, ImmediateQueueSetup setup);

    /// <summary>The tenant's default policy, used by every queue that has none of its own.</summary>
    void SetDefaultPolicy(IBlendingPolicy policy);

    /// <summary>New skills or proficiencies for an agent; their queues follow the skills.</summary>
    void UpdateAgent(int agent, AgentProfile profile);

    /// <summary>The agent puts the current item back in the backlog (less the effort spent) and is free.</summary>
    void PutDownItem(int agent, DateTimeOffset now);

    /// <summary>Supervisor: give the agent a named open or pended item (an item in hand is put down first).</summary>
    BlendingDecision AssignItem(int agent, long itemId, DateTimeOffset now);

    /// <summary>Supervisor: send the agent to a queue, now (putting the item down) or at the end of the item.</summary>
    BlendingDecision RecallAgent(int agent, int queue, bool interrupt, DateTimeOffset now);

    /// <summary>Supervisor: leave the agent free for contacts (an item in hand is put down).</summary>
    BlendingDecision KeepAgentFree(int agent, DateTimeOffset now);
}

/// <summary>An agent's live status for the supervisor board; <see cref="ItemId"/> is 0 when not on an item.</summary>
public readonly record struct AgentStatus(
    ScheduledActivity Scheduled,
    AgentActivity Activity,
    TimeSpan TimeInState,
    long ItemId,
    int ContactQueue,
    int RecalledToQueue);
