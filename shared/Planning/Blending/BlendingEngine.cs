using System.Diagnostics.CodeAnalysis;
using BackOfficeCloud.Planning.Blending.Agents;
using BackOfficeCloud.Planning.Blending.Decisions;
using BackOfficeCloud.Planning.Blending.Items;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending;

/// <summary>
/// The blending engine. State changes and decisions are O(skills·log items) and O(queues per agent): items sit in
/// per-skill urgency heaps (<see cref="ItemBook"/>), agents in counters kept current by <see cref="AgentBoard"/>.
/// Not thread-safe: one instance per tenant, driven by one event loop.
/// </summary>
public sealed partial class BlendingEngine : IBlendingEngine
{
    private readonly ItemBook _items;
    private readonly AgentBoard _agents;
    private readonly ItemChooser _chooser;
    private IBlendingPolicy _defaultPolicy;
    private IBlendingPolicy[] _policies;
    private QueueObservation[] _observed;
    private int[] _required;

    /// <summary>Each queue's service-level target, read on every decision (the setup's list is behind an interface).</summary>
    private double[] _targets;

    public BlendingEngine(BlendingSetup setup, BlendingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        SetupValidation.Validate(setup);
        Setup = setup;
        _items = new ItemBook(setup.Skills.Count, options.PriorityStep);
        _agents = new AgentBoard(setup.Skills.Count, setup.Queues.Count);
        _chooser = new ItemChooser(_items, _agents, options);
        _defaultPolicy = options.DefaultPolicy;
        _policies = [.. setup.Queues.Select(q => q.Policy ?? options.DefaultPolicy)];
        _observed = new QueueObservation[setup.Queues.Count];
        Array.Fill(_observed, NothingObserved);
        _required = new int[setup.Queues.Count];
        _targets = [.. setup.Queues.Select(q => q.ServiceLevelTarget)];
        foreach (var agent in setup.Agents)
        {
            AddAgent(agent);
        }
    }

    public BlendingSetup Setup { get; private set; }

    public int OpenItems => _items.Count;

    public int AddAgent(AgentProfile profile)
    {
        SetupValidation.ValidateAgent(profile, Setup.Skills.Count);
        return _agents.Add(profile, QueuesServedBy(profile.Skills));
    }

    public void AddItem(in BackOfficeItem item, DateTimeOffset now)
    {
        SetupValidation.ValidateItem(item, Setup);
        _items.Add(item, now.UtcTicks);
    }

    public void RemoveItem(long itemId)
    {
        if (!_items.TryGetSlot(itemId, out var slot))
        {
            return;
        }

        if (_items[slot].State == ItemState.Assigned)
        {
            throw new InvalidOperationException($"Item {itemId} is being worked by an agent: finish it through FinishItem.");
        }

        _items.Remove(slot);
    }

    public void SetSchedule(int agent, ScheduledActivity activity, DateTimeOffset now)
    {
        CheckAgent(agent);
        _agents.Change(agent, (activity, now.UtcTicks), static (ref AgentRecord a, (ScheduledActivity Activity, long Now) s) =>
        {
            a.Scheduled = s.Activity;
            if (a.Activity is AgentActivity.Free or AgentActivity.Away)
            {
                a.Activity = s.Activity == ScheduledActivity.Unavailable ? AgentActivity.Away : AgentActivity.Free;
                a.SinceTicks = s.Now;
            }

            if (!a.InPhonePool)
            {
                a.RecallQueue = -1;
            }
        });
    }

    public void StartContact(int agent, int queue, DateTimeOffset now)
    {
        CheckAgent(agent);
        CheckQueue(queue);
        if (_agents[agent].Activity != AgentActivity.Free)
        {
            throw new InvalidOperationException($"Agent {agent} is {_agents[agent].Activity}, not free: cannot start a contact.");
        }

        _agents.Change(agent, (queue, now.UtcTicks), static (ref AgentRecord a, (int Queue, long Now) s) =>
        {
            a.Activity = AgentActivity.OnContact;
            a.ContactQueue = s.Queue;
            a.SinceTicks = s.Now;
            a.TaskVersion++;
            if (a.RecallQueue == s.Queue)
            {
                a.RecallQueue = -1;
            }
        });
    }

    public BlendingDecision FinishContact(int agent, DateTimeOffset now)
    {
        CheckAgent(agent);
        if (_agents[agent].Activity != AgentActivity.OnContact)
        {
            throw new InvalidOperationException($"Agent {agent} is {_agents[agent].Activity}, not on a contact.");
        }

        BecomeFree(agent, now.UtcTicks);
        return Decide(agent, now);
    }

    public BlendingDecision FinishItem(int agent, DateTimeOffset now, DateTimeOffset? pendedUntil = null)
    {
        CheckAgent(agent);
        var a = _agents[agent];
        if (a.Activity != AgentActivity.OnItem)
        {
            throw new InvalidOperationException($"Agent {agent} is {a.Activity}, not on an item.");
        }

        var nowTicks = now.UtcTicks;
        if (pendedUntil is { } until)
        {
            _items.ReduceEffort(a.ItemSlot, WorkedTicks(a, nowTicks));
            _items.Release(a.ItemSlot, until.UtcTicks, nowTicks);
        }
        else
        {
            _items.Remove(a.ItemSlot);
        }

        var recalledTo = a.RecallQueue;
        BecomeFree(agent, nowTicks);
        return recalledTo >= 0 && _agents[agent].Activity == AgentActivity.Free
            ? BlendingDecision.Recall(agent, recalledTo, false, new DecisionReason(ReasonCode.RecalledToQueue, recalledTo))
            : Decide(agent, now);
    }

    public BlendingDecision Decide(int agent, DateTimeOffset now)
    {
        CheckAgent(agent);
        ref readonly var a = ref _agents[agent];
        if (a.Activity == AgentActivity.Away)
        {
            return BlendingDecision.KeepFree(agent, new DecisionReason(ReasonCode.OffSchedule));
        }

        if (a.Activity != AgentActivity.Free)
        {
            throw new InvalidOperationException($"Agent {agent} is {a.Activity}: only a free agent can be given work.");
        }

        var policy = _defaultPolicy;
        if (a.InPhonePool && a.Queues.Length > 0)
        {
            foreach (var q in a.Queues)
            {
                var view = ViewQueue(q);
                if (view.Waiting > 0)
                {
                    return BlendingDecision.KeepFree(agent, new DecisionReason(ReasonCode.ContactsWaiting, q, view.Free));
                }

                policy = _policies[q];
                if (!policy.MayHandOutWork(a.Scheduled))
                {
                    var code = a.Scheduled == ScheduledActivity.Phone ? ReasonCode.PhoneBlock : ReasonCode.PolicyKeepsOnPhones;
                    return BlendingDecision.KeepFree(agent, new DecisionReason(code, q, Policy: policy.Name));
                }

                var reserve = policy.Reserve(view);
                if (view.Free - 1 < reserve)
                {
                    return BlendingDecision.KeepFree(agent, new DecisionReason(ReasonCode.ReserveNeeded, q, view.Free, reserve, Policy: policy.Name));
                }
            }
        }
        else if (!policy.MayHandOutWork(a.Scheduled))
        {
            return BlendingDecision.KeepFree(agent, new DecisionReason(ReasonCode.PolicyKeepsOnPhones, Policy: policy.Name));
        }

        var nowTicks = now.UtcTicks;
        var choice = _chooser.Choose(a, nowTicks);
        if (choice.Slot < 0)
        {
            return BlendingDecision.KeepFree(agent, new DecisionReason(ReasonCode.NoEligibleWork));
        }

        StartItem(agent, choice.Slot, nowTicks);
        return BlendingDecision.Assign(agent, _items[choice.Slot].Id, choice.Reason with { Policy = policy.Name });
    }

    public void UpdateQueue(int queue, in QueueObservation observation, DateTimeOffset now, List<BlendingDecision> recalls)
    {
        CheckQueue(queue);
        ArgumentNullException.ThrowIfNull(recalls);
        var before = _observed[queue];
        _observed[queue] = observation;
        if (before.ForecastArrivalsPerMinute != observation.ForecastArrivalsPerMinute
            || before.AverageHandleTime != observation.AverageHandleTime)
        {
            var setup = Setup.Queues[queue];
            _required[queue] = ReserveSizer.RequiredAgents(
                observation.ForecastArrivalsPerMinute, observation.AverageHandleTime, setup.ServiceLevelTarget, setup.ServiceLevelThreshold);
        }

        RecallIfShort(queue, now, recalls);
    }

    public void Rebalance(int queue, DateTimeOffset now, List<BlendingDecision> recalls)
    {
        CheckQueue(queue);
        ArgumentNullException.ThrowIfNull(recalls);
        RecallIfShort(queue, now, recalls);
    }

    private void RecallIfShort(int queue, DateTimeOffset now, List<BlendingDecision> recalls)
    {
        var policy = _policies[queue];
        var view = ViewQueue(queue);
        var threshold = policy.RecallBelow(view);
        while (view.Free + view.PendingRecalls < threshold)
        {
            var agent = _agents.TakeRecallCandidate(queue);
            if (agent < 0)
            {
                return;
            }

            var a = _agents[agent];
            var interrupt = policy.MayInterrupt(view, Setup.ItemTypes[_items[a.ItemSlot].ItemType].Interruptible);
            var reason = new DecisionReason(ReasonCode.QueueShortOfAgents, queue, view.Free + view.PendingRecalls, threshold, Policy: policy.Name);
            if (interrupt)
            {
                PutDown(agent, now.UtcTicks);
            }
            else
            {
                _agents.Change(agent, queue, static (ref AgentRecord r, int q) => r.RecallQueue = q);
            }

            recalls.Add(BlendingDecision.Recall(agent, queue, interrupt, reason));
            view = ViewQueue(queue);
        }
    }

    public QueueView ViewQueue(int queue)
    {
        var o = _observed[queue];
        return new QueueView(
            queue, o.Waiting, o.OldestWait, _agents.Free[queue], _agents.OnContacts[queue], _agents.PendingRecalls[queue],
            _required[queue], o.RollingServiceLevel, _targets[queue]);
    }

    public AgentStatus ViewAgent(int agent, DateTimeOffset now)
    {
        CheckAgent(agent);
        var a = _agents[agent];
        return new AgentStatus(
            a.Scheduled, a.Activity, TimeSpan.FromTicks(now.UtcTicks - a.SinceTicks),
            a.Activity == AgentActivity.OnItem ? _items[a.ItemSlot].Id : 0,
            a.Activity == AgentActivity.OnContact ? a.ContactQueue : -1,
            a.RecallQueue);
    }

    public string Describe(DecisionReason reason) => ReasonText.Describe(reason, Setup);

    private void StartItem(int agent, int slot, long nowTicks)
    {
        _items.Take(slot);
        var item = _items[slot];
        _agents.Change(agent, (slot, item.CustomerId, nowTicks), static (ref AgentRecord a, (int Slot, long Customer, long Now) s) =>
        {
            a.Activity = AgentActivity.OnItem;
            a.ItemSlot = s.Slot;
            a.ItemStartTicks = s.Now;
            a.SinceTicks = s.Now;
            a.LastCustomer = s.Customer;
            a.TaskVersion++;
        });
        var proficiency = _chooser.Proficiency(_agents[agent], item.Skill);
        _agents.OfferForRecall(agent, nowTicks + (long)(item.RemainingEffortTicks / proficiency));
    }

    private void BecomeFree(int agent, long nowTicks) =>
        _agents.Change(agent, nowTicks, static (ref AgentRecord a, long now) =>
        {
            a.Activity = a.Scheduled == ScheduledActivity.Unavailable ? AgentActivity.Away : AgentActivity.Free;
            a.ItemSlot = -1;
            a.ContactQueue = -1;
            a.RecallQueue = -1;
            a.SinceTicks = now;
            a.TaskVersion++;
        });

    private long WorkedTicks(in AgentRecord a, long nowTicks) =>
        (long)((nowTicks - a.ItemStartTicks) * _chooser.Proficiency(a, _items[a.ItemSlot].Skill));

    // The checks run on every call: the throws live apart so the checks themselves inline.
    private void CheckAgent(int agent)
    {
        if ((uint)agent >= (uint)_agents.Count)
        {
            ThrowAgentOutOfRange(agent);
        }
    }

    private void CheckQueue(int queue)
    {
        if ((uint)queue >= (uint)_policies.Length) // one policy per queue
        {
            ThrowQueueOutOfRange(queue);
        }
    }

    [DoesNotReturn]
    private void ThrowAgentOutOfRange(int agent) =>
        throw new ArgumentOutOfRangeException(nameof(agent), agent, $"Agent index must be in 0..{_agents.Count - 1}.");

    [DoesNotReturn]
    private void ThrowQueueOutOfRange(int queue) =>
        throw new ArgumentOutOfRangeException(nameof(queue), queue, $"Queue index must be in 0..{Setup.Queues.Count - 1}.");
}
