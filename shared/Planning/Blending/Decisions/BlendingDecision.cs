namespace BackOfficeCloud.Planning.Blending.Decisions;

public enum DecisionKind
{
    /// <summary>Give the agent the back-office item <see cref="BlendingDecision.ItemId"/>.</summary>
    AssignItem,

    /// <summary>Send the agent back to queue <see cref="BlendingDecision.Queue"/>, now or at the end of the item.</summary>
    Recall,

    /// <summary>Leave the agent free for contacts (or off work when off schedule).</summary>
    KeepFree,
}

/// <summary>
/// One decision for one agent. For <see cref="DecisionKind.Recall"/>, <see cref="Interrupt"/> says whether the agent
/// puts the current item down now (it goes back to the backlog) or finishes it first. <see cref="Reason"/> explains
/// the decision; <see cref="BlendingEngine.Describe"/> turns it into a sentence a supervisor can read.
/// </summary>
public readonly record struct BlendingDecision(
    DecisionKind Kind,
    int Agent,
    long ItemId,
    int Queue,
    bool Interrupt,
    DecisionReason Reason)
{
    public static BlendingDecision Assign(int agent, long itemId, DecisionReason reason) =>
        new(DecisionKind.AssignItem, agent, itemId, -1, false, reason);

    public static BlendingDecision Recall(int agent, int queue, bool interrupt, DecisionReason reason) =>
        new(DecisionKind.Recall, agent, 0, queue, interrupt, reason);

    public static BlendingDecision KeepFree(int agent, DecisionReason reason) =>
        new(DecisionKind.KeepFree, agent, 0, reason.Queue, false, reason);
}
