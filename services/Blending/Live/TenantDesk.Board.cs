using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Planning.Blending.Model;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Blending.Live;

/// <summary>The supervisor's live board.</summary>
public sealed partial class TenantDesk
{
    private static readonly TimeSpan DueToday = TimeSpan.FromHours(24);

    public Board View(DateTimeOffset now)
    {
        var board = new Board { AsOf = Timestamp.FromDateTimeOffset(now), DefaultPolicy = DefaultPolicy };
        var queues = _engine.Setup.Queues;
        for (var q = 0; q < queues.Count; q++)
        {
            var view = _engine.ViewQueue(q);
            board.Queues.Add(new QueueStatus
            {
                Queue = queues[q].Name,
                Waiting = view.Waiting,
                OldestWaitSeconds = view.OldestWait.TotalSeconds,
                ServiceLevel = view.RollingServiceLevel,
                ServiceLevelTarget = view.ServiceLevelTarget,
                FreeAgents = view.Free,
                OnContacts = view.OnContacts,
                PendingRecalls = view.PendingRecalls,
                RequiredAgents = view.RequiredAgents,
                ArrivalsPerMinute = _lastObserved.TryGetValue(q, out var observed) ? observed.ForecastArrivalsPerMinute : 0,
                Policy = _queuePolicies.GetValueOrDefault(queues[q].Name, DefaultPolicy),
            });
        }

        for (var a = 0; a < _agentIds.Count; a++)
        {
            var status = _engine.ViewAgent(a, now);
            board.Agents.Add(new AgentStatus
            {
                AgentId = _agentIds[a],
                Activity = Snake(status.Activity.ToString()),
                Scheduled = Snake(status.Scheduled.ToString()),
                WorkItemId = status.ItemId > 0 ? _openItems[status.ItemId].Id : "",
                ContactQueue = status.ContactQueue >= 0 ? queues[status.ContactQueue].Name : "",
                RecalledToQueue = status.RecalledToQueue >= 0 ? queues[status.RecalledToQueue].Name : "",
                SecondsInState = Math.Max(0, status.TimeInState.TotalSeconds),
                LastSequence = LastSequence.GetValueOrDefault(_agentIds[a]),
            });
        }

        board.Backlog.AddRange(_openItems
            .Where(i => HolderOf(i.Key, now) < 0)
            .GroupBy(i => Urgency(i.Value, now))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BacklogBucket { Urgency = g.Key, Items = g.Count(), EffortMinutes = g.Sum(i => i.Value.Effort.TotalMinutes) }));
        return board;
    }

    private static string Urgency(KnownItem item, DateTimeOffset now) =>
        item.PendedUntil > now ? "pended"
        : item.Deadline < now ? "overdue"
        : item.Deadline - item.Effort < now ? "at_risk"
        : item.Deadline - now <= DueToday ? "due_today"
        : "later";

    /// <summary>OnContact → on_contact, as the API spells enum values.</summary>
    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
