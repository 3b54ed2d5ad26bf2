using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Planning.Blending.Decisions;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Blending.Live;

/// <summary>
/// Back-office items from their lifecycle events. The engine numbers items; the desk keeps the platform's id, deadline
/// and effort of every item it knows (for the board) and which agent holds which. An item assigned or in progress
/// outside blending leaves the backlog; completing or pending an item an agent holds ends that agent's task.
/// A new item is offered to the agents who were left free for want of work.
/// </summary>
public sealed partial class TenantDesk
{
    /// <summary>Deadline of an item that has none: far enough not to push ahead of items that do.</summary>
    private static readonly TimeSpan NoDeadline = TimeSpan.FromDays(30);

    private readonly Dictionary<string, long> _itemNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<long, KnownItem> _openItems = [];
    private readonly Dictionary<long, int> _holders = [];
    private readonly Dictionary<string, long> _customers = new(StringComparer.Ordinal);
    private readonly SortedSet<int> _idle = [];

    private void ApplyWorkItem(WorkItemEventIngested item, DateTimeOffset at, List<DeskDecision> decisions)
    {
        var number = ItemNumber(item.WorkItemId);
        var holder = HolderOf(number, at);
        var pendedUntil = item.PendedUntil?.ToDateTimeOffset();
        switch (item.Status)
        {
            case "completed" or "cancelled":
                if (holder >= 0)
                {
                    Emit(_engine.FinishItem(holder, at), decisions);
                }
                else
                {
                    _engine.RemoveItem(number);
                }

                _openItems.Remove(number);
                break;
            case "pended" when holder >= 0:
                Emit(_engine.FinishItem(holder, at, pendedUntil), decisions);
                _openItems[number] = _openItems[number] with { PendedUntil = pendedUntil };
                break;
            case "assigned" or "in_progress":
                if (holder < 0)
                {
                    _engine.RemoveItem(number);
                    _openItems.Remove(number);
                }

                break;
            default:
                if (holder < 0)
                {
                    Open(number, item, at, item.Status == "pended" ? pendedUntil : null);
                    OfferWork(at, decisions);
                }

                break;
        }
    }

    private void ApplyFinish(Contracts.Blending.V1.FinishTaskRequest finish, DateTimeOffset at, List<DeskDecision> decisions)
    {
        var number = _itemNumbers[finish.WorkItemId];
        var pendedUntil = finish.PendedUntil?.ToDateTimeOffset();
        Emit(_engine.FinishItem(_agents[finish.AgentId], at, pendedUntil), decisions);
        if (pendedUntil is null)
        {
            _openItems.Remove(number);
        }
        else
        {
            _openItems[number] = _openItems[number] with { PendedUntil = pendedUntil };
        }
    }

    /// <summary>The agent working the item (per the engine), or -1.</summary>
    public int HolderOf(string workItemId, DateTimeOffset now) =>
        _itemNumbers.TryGetValue(workItemId, out var number) ? HolderOf(number, now) : -1;

    public bool IsOpen(string workItemId) =>
        _itemNumbers.TryGetValue(workItemId, out var number) && _openItems.ContainsKey(number);

    private int HolderOf(long number, DateTimeOffset now) =>
        _holders.TryGetValue(number, out var agent) && _engine.ViewAgent(agent, now).ItemId == number ? agent : -1;

    private long ItemNumber(string workItemId)
    {
        if (!_itemNumbers.TryGetValue(workItemId, out var number))
        {
            _itemNumbers[workItemId] = number = _itemNumbers.Count + 1;
        }

        return number;
    }

    private void Open(long number, WorkItemEventIngested item, DateTimeOffset at, DateTimeOffset? pendedUntil)
    {
        var created = item.CreatedAt?.ToDateTimeOffset() ?? at;
        var deadline = item.DueAt?.ToDateTimeOffset() ?? created + NoDeadline;
        var effort = TimeSpan.FromMinutes(Math.Max(0, item.EffortMinutes));
        var skill = Skill(item.Queue.Length > 0 ? item.Queue : item.WorkType);
        var customer = item.CustomerRef.Length == 0 ? 0
            : _customers.TryGetValue(item.CustomerRef, out var known) ? known : _customers[item.CustomerRef] = _customers.Count + 1;
        _engine.RemoveItem(number);
        _engine.AddItem(new BackOfficeItem(number, ItemType(item.WorkType), skill, item.Priority, created, deadline, effort, customer, pendedUntil), at);
        _openItems[number] = new KnownItem(item.WorkItemId, deadline, effort, pendedUntil);
    }

    /// <summary>Hands a new item to the first agent left free for want of work who can take it (decisions with no effect are not emitted).</summary>
    private void OfferWork(DateTimeOffset at, List<DeskDecision> decisions)
    {
        foreach (var agent in _idle.ToList())
        {
            if (_engine.ViewAgent(agent, at).Activity != AgentActivity.Free)
            {
                _idle.Remove(agent);
                continue;
            }

            var decision = _engine.Decide(agent, at);
            if (decision.Kind == DecisionKind.AssignItem)
            {
                Emit(decision, decisions);
                return;
            }
        }
    }

    private sealed record KnownItem(string Id, DateTimeOffset Deadline, TimeSpan Effort, DateTimeOffset? PendedUntil);
}
