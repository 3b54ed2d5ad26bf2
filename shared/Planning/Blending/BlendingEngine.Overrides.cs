using BackOfficeCloud.Planning.Blending.Decisions;
using BackOfficeCloud.Planning.Blending.Items;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending;

/// <summary>Decisions taken for the engine rather than by it: a supervisor's override, an agent leaving an item.</summary>
public sealed partial class BlendingEngine
{
    private static readonly DecisionReason ByOverride = new(ReasonCode.SupervisorOverride);

    /// <summary>The agent puts the current item back in the backlog (with the effort already spent taken off) and is free.</summary>
    public void PutDownItem(int agent, DateTimeOffset now)
    {
        CheckAgent(agent);
        if (_agents[agent].Activity != AgentActivity.OnItem)
        {
            throw new InvalidOperationException($"Agent {agent} is {_agents[agent].Activity}, not on an item.");
        }

        PutDown(agent, now.UtcTicks);
    }

    /// <summary>Gives the agent a named open or pended item; an item in hand is put down first.</summary>
    public BlendingDecision AssignItem(int agent, long itemId, DateTimeOffset now)
    {
        CheckAgent(agent);
        if (!_items.TryGetSlot(itemId, out var slot))
        {
            throw new ArgumentException($"Item {itemId} is not open.", nameof(itemId));
        }

        if (_items[slot].State == ItemState.Assigned)
        {
            throw new InvalidOperationException($"Item {itemId} is being worked by another agent.");
        }

        var a = _agents[agent];
        if (a.Activity is AgentActivity.Away or AgentActivity.OnContact)
        {
            throw new InvalidOperationException($"Agent {agent} is {a.Activity}: only a free agent or one on an item can be given an item.");
        }

        var nowTicks = now.UtcTicks;
        if (a.Activity == AgentActivity.OnItem)
        {
            PutDown(agent, nowTicks);
        }

        if (_items[slot].State == ItemState.Pended)
        {
            _items.Release(slot, 0, nowTicks);
        }

        StartItem(agent, slot, nowTicks);
        return BlendingDecision.Assign(agent, itemId, ByOverride);
    }

    /// <summary>Sends the agent to a queue: now (an item in hand is put down) or at the end of the item.</summary>
    public BlendingDecision RecallAgent(int agent, int queue, bool interrupt, DateTimeOffset now)
    {
        CheckAgent(agent);
        CheckQueue(queue);
        if (_agents[agent].Activity == AgentActivity.OnItem)
        {
            if (interrupt)
            {
                PutDown(agent, now.UtcTicks);
            }
            else
            {
                _agents.Change(agent, queue, static (ref Agents.AgentRecord r, int q) => r.RecallQueue = q);
            }
        }

        return BlendingDecision.Recall(agent, queue, interrupt, ByOverride with { Queue = queue });
    }

    /// <summary>Leaves the agent free for contacts; an item in hand is put down.</summary>
    public BlendingDecision KeepAgentFree(int agent, DateTimeOffset now)
    {
        CheckAgent(agent);
        if (_agents[agent].Activity == AgentActivity.OnItem)
        {
            PutDown(agent, now.UtcTicks);
        }

        return BlendingDecision.KeepFree(agent, ByOverride);
    }

    private void PutDown(int agent, long nowTicks)
    {
        var a = _agents[agent];
        _items.ReduceEffort(a.ItemSlot, WorkedTicks(a, nowTicks));
        _items.Release(a.ItemSlot, 0, nowTicks);
        BecomeFree(agent, nowTicks);
    }
}
