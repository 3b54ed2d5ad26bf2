using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Blending.Decisions;
using BackOfficeCloud.Planning.Blending.Model;
using BackOfficeCloud.Planning.Simulation.Sampling;

namespace BackOfficeCloud.Planning.Simulation.Run;

/// <summary>
/// One seeded run of the center. The contact router (longest-idle free agent, oldest waiting contact) is modelled
/// here; every blending choice — who gets which item, who stays free, who is recalled — is the real
/// <see cref="BlendingEngine"/>'s decision.
/// </summary>
internal sealed class Replication
{
    private readonly CenterModel _model;
    private readonly BlendingEngine _engine;
    private readonly RandomStream _random;
    private readonly EventHeap _events = new();
    private readonly WaitingContacts _waiting;
    private readonly AgentMirror _agents;
    private readonly Queue<(int Agent, int Version)>[] _freeForQueue;
    private readonly Stack<(int Agent, int Version)>[] _wantingWork;
    private readonly List<BlendingDecision> _recalls = [];
    private readonly List<(int Agent, int Version)> _heldForReserve = [];
    private readonly List<(int Agent, int Version)> _reconsider = [];
    private readonly ArrivalClock[] _contactClocks;
    private readonly ArrivalClock[] _itemClocks;
    private readonly double[] _arrivalAt;

    /// <summary>The source in <see cref="_arrivalAt"/> with the earliest arrival, -1 when there are none.</summary>
    private int _nextArrivalSource = -1;
    private ItemTruth[] _items;
    private int _itemCount;
    private readonly double _intervalSeconds;
    private readonly double _duration;
    private readonly long _startUtcTicks;
    private double _now;

    /// <summary><see cref="_now"/> as the engine's instant, made once per event (several engine calls read it).</summary>
    private DateTimeOffset _stamp;
    private int _interval;

    public Replication(CenterModel model, IBlendingPolicy policy, int seed)
    {
        _model = model;
        _random = new RandomStream(seed);
        _engine = new BlendingEngine(model.Setup, new BlendingOptions { DefaultPolicy = policy });
        var scenario = model.Scenario;
        _intervalSeconds = scenario.IntervalSeconds;
        _duration = scenario.DurationSeconds;
        _startUtcTicks = scenario.Start.UtcTicks;
        _waiting = new WaitingContacts(scenario.Queues.Count);
        _agents = new AgentMirror(model.Setup.Agents.Count);
        _freeForQueue = [.. scenario.Queues.Select(_ => new Queue<(int, int)>())];
        _wantingWork = [.. model.Setup.Skills.Select(_ => new Stack<(int, int)>())];
        _contactClocks = [.. scenario.Queues.Select((q, i) => new ArrivalClock(q.Arrivals, model.QueueForecast[i], _intervalSeconds))];
        _itemClocks = [.. scenario.BackOffice.Select((b, i) => new ArrivalClock(b.Arrivals, model.ItemForecast[i], _intervalSeconds))];
        _arrivalAt = new double[_contactClocks.Length + _itemClocks.Length];
        Tally = new Tally(scenario.Queues.Count, scenario.IntervalCount);
        // Room for the expected arrivals and then some: growing the array of a week's items costs more than the items.
        _items = new ItemTruth[(int)(1.2 * model.ItemForecast.Sum(f => f.Sum())) + 16];
    }

    public Tally Tally { get; }

    public Tally Run()
    {
        for (var q = 0; q < _contactClocks.Length; q++)
        {
            SetNextArrival(q, _contactClocks[q].Next(0, _random));
        }

        for (var b = 0; b < _itemClocks.Length; b++)
        {
            SetNextArrival(_contactClocks.Length + b, _itemClocks[b].Next(0, _random));
        }

        // Shift changes are sorted: only the next one waits in the heap, keeping the heap small.
        if (_model.ShiftChanges.Length > 0)
        {
            Schedule(_model.ShiftChanges[0].Seconds, EventKind.ShiftChange, 0);
        }

        Schedule(0, EventKind.IntervalStart, 0);
        long events = 0;
        while (NextEvent(out var e, out var at) && at < _duration)
        {
            _now = at;
            _stamp = Instant(at);
            events++;
            Dispatch(e);
            while (_recalls.Count > 0)
            {
                var recall = _recalls[^1];
                _recalls.RemoveAt(_recalls.Count - 1);
                if (recall.Interrupt)
                {
                    PutItemDown(recall.Agent);
                }
            }
        }

        _now = _duration;
        Close();
        Tally.Events = events;
        return Tally;
    }

    /// <summary>
    /// The earlier of the next arrival (of every queue and item type, kept beside the heap: a third of all events, and
    /// a handful of sources) and the heap's next event; arrival instants are continuous, so they never tie.
    /// </summary>
    private bool NextEvent(out SimEvent e, out double at)
    {
        var source = _nextArrivalSource;
        if (source >= 0 && _arrivalAt[source] < _events.NextAt)
        {
            at = _arrivalAt[source];
            var queues = _contactClocks.Length;
            e = source < queues ? new SimEvent(EventKind.ContactArrival, source, 0) : new SimEvent(EventKind.ItemArrival, source - queues, 0);
            return true;
        }

        return _events.TryDequeue(out e, out at);
    }

    /// <summary>Sets a source's next arrival and finds the earliest source again.</summary>
    private void SetNextArrival(int source, double at)
    {
        _arrivalAt[source] = at;
        _nextArrivalSource = 0;
        for (var i = 1; i < _arrivalAt.Length; i++)
        {
            if (_arrivalAt[i] < _arrivalAt[_nextArrivalSource])
            {
                _nextArrivalSource = i;
            }
        }
    }

    private void Dispatch(SimEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.ContactArrival:
                ContactArrives(e.Target);
                break;
            case EventKind.Abandon:
                Abandon(e.Target, e.Version);
                break;
            case EventKind.ContactEnd when _agents.Version[e.Target] == e.Version:
                EndContact(e.Target);
                break;
            case EventKind.ItemArrival:
                ItemArrives(e.Target);
                break;
            case EventKind.ItemEnd when _agents.Version[e.Target] == e.Version:
                EndItem(e.Target);
                break;
            case EventKind.ShiftChange:
                ChangeShift(_model.ShiftChanges[e.Target]);
                if (e.Target + 1 < _model.ShiftChanges.Length)
                {
                    Schedule(_model.ShiftChanges[e.Target + 1].Seconds, EventKind.ShiftChange, e.Target + 1);
                }

                break;
            case EventKind.IntervalStart:
                StartInterval(e.Target);
                break;
        }
    }

    private void ContactArrives(int queue)
    {
        SetNextArrival(queue, _contactClocks[queue].Next(_now, _random));
        Tally.Offered[queue][_interval]++;
        var free = _freeForQueue[queue];
        while (free.TryDequeue(out var candidate))
        {
            if (_agents.IsFreeAt(candidate.Agent, candidate.Version))
            {
                Answer(candidate.Agent, queue, _now);
                return;
            }
        }

        var slot = _waiting.Enqueue(queue, _now);
        if (_model.Patience[queue] is { } patience)
        {
            Schedule(_now + patience.Next(_random), EventKind.Abandon, (queue << 24) | slot, _waiting.VersionOf(slot));
        }

        Observe(queue);
    }

    private void Abandon(int target, int version)
    {
        var (queue, slot) = (target >> 24, target & 0xFFFFFF);
        if (_waiting.TryAbandon(queue, slot, version))
        {
            Tally.Abandoned[queue][IntervalOf(_waiting.ArrivalOf(slot))]++;
            Observe(queue);
        }
    }

    private void Answer(int agent, int queue, double arrival)
    {
        var wait = _now - arrival;
        var k = IntervalOf(arrival);
        Tally.Answered[queue][k]++;
        Tally.WaitSeconds[queue][k] += wait;
        if (wait <= _model.ThresholdSeconds[queue])
        {
            Tally.AnsweredInTime[queue][k]++;
        }

        _engine.StartContact(agent, queue, _stamp);
        var version = _agents.Start(agent, AgentMirror.OnContact, _now, queue);
        Schedule(_now + _model.HandleTimes[queue].Next(_random), EventKind.ContactEnd, agent, version);
        Observe(queue);
    }

    private void EndContact(int agent)
    {
        Tally.Spread(Tally.PhoneBusySeconds, _agents.TaskStart[agent], _now, _intervalSeconds);
        Apply(_engine.FinishContact(agent, _stamp));
    }

    private void ItemArrives(int type)
    {
        SetNextArrival(_contactClocks.Length + type, _itemClocks[type].Next(_now, _random));
        var id = _itemCount++;
        var deadline = _now + _model.DeadlineSeconds[type];
        if (id == _items.Length)
        {
            Array.Resize(ref _items, id * 2);
        }

        _items[id] = new ItemTruth { Remaining = _model.Efforts[type].Next(_random), Deadline = deadline, Type = type };
        Tally.ItemsArrived[_interval]++;
        var skill = _model.ItemSkills[type];
        _engine.AddItem(
            new BackOfficeItem(id, type, skill, _model.ItemPriorities[type], _stamp, Instant(deadline), _model.EffortEstimates[type]),
            _stamp);
        var wanting = _wantingWork[skill];
        while (wanting.TryPop(out var candidate))
        {
            if (Reconsider(candidate.Agent, candidate.Version))
            {
                return;
            }
        }
    }

    /// <summary>Asks the engine again about an agent still free since <paramref name="version"/>; true when it got an item.</summary>
    private bool Reconsider(int agent, int version)
    {
        if (!_agents.IsFreeAt(agent, version))
        {
            return false;
        }

        var decision = _engine.Decide(agent, _stamp);
        if (decision.Kind == DecisionKind.AssignItem)
        {
            StartItem(agent, (int)decision.ItemId);
            return true;
        }

        if (decision.Reason.Code == ReasonCode.ReserveNeeded)
        {
            _heldForReserve.Add((agent, version));
        }

        return false;
    }

    private void EndItem(int agent)
    {
        ref var item = ref _items[_agents.Task[agent]];
        Tally.Spread(Tally.BackOfficeBusySeconds, _agents.TaskStart[agent], _now, _intervalSeconds);
        Tally.ItemsCompleted[_interval]++;
        if (_now > item.Deadline)
        {
            Tally.ItemsLate[_interval]++;
        }

        item.Done = true;
        Apply(_engine.FinishItem(agent, _stamp));
    }

    /// <summary>An interrupting recall: the engine already took the item back; book the work done and free the agent.</summary>
    private void PutItemDown(int agent)
    {
        var item = _agents.Task[agent];
        var worked = (_now - _agents.TaskStart[agent]) * ProficiencyFor(agent, item);
        Tally.Spread(Tally.BackOfficeBusySeconds, _agents.TaskStart[agent], _now, _intervalSeconds);
        _items[item].Remaining = Math.Max(0, _items[item].Remaining - worked);
        BecomeFree(agent, wantsWork: false);
    }

    private void ChangeShift(ShiftChange change)
    {
        var agent = change.Agent;
        _agents.Scheduled[agent] = change.Activity;
        _engine.SetSchedule(agent, change.Activity, _stamp);
        var state = _agents.State[agent];
        if (state is AgentMirror.OnContact or AgentMirror.OnItem)
        {
            return;
        }

        if (change.Activity == ScheduledActivity.Unavailable)
        {
            _agents.Start(agent, AgentMirror.Away, _now, -1);
            return;
        }

        Apply(_engine.Decide(agent, _stamp));
        foreach (var q in _model.AgentQueues[agent])
        {
            Observe(q);
        }
    }

    private void StartInterval(int interval)
    {
        _interval = interval;
        if (interval + 1 < _model.Scenario.IntervalCount)
        {
            Schedule((interval + 1) * _intervalSeconds, EventKind.IntervalStart, interval + 1);
        }

        for (var q = 0; q < _freeForQueue.Length; q++)
        {
            Observe(q);
        }

        // The new forecast may free part of the reserve: ask again for the agents held back for it.
        _reconsider.Clear();
        _reconsider.AddRange(_heldForReserve);
        _heldForReserve.Clear();
        foreach (var (agent, version) in _reconsider)
        {
            Reconsider(agent, version);
        }
    }

    private void Apply(in BlendingDecision decision)
    {
        if (decision.Kind == DecisionKind.AssignItem)
        {
            StartItem(decision.Agent, (int)decision.ItemId);
        }
        else if (decision.Reason.Code == ReasonCode.OffSchedule)
        {
            _agents.Start(decision.Agent, AgentMirror.Away, _now, -1);
        }
        else
        {
            var version = BecomeFree(decision.Agent, decision.Reason.Code == ReasonCode.NoEligibleWork);
            if (decision.Reason.Code == ReasonCode.ReserveNeeded)
            {
                _heldForReserve.Add((decision.Agent, version));
            }
        }
    }

    private void StartItem(int agent, int item)
    {
        var version = _agents.Start(agent, AgentMirror.OnItem, _now, item);
        Schedule(_now + (_items[item].Remaining / ProficiencyFor(agent, item)), EventKind.ItemEnd, agent, version);
    }

    /// <summary>A free agent takes the longest-waiting contact of their queues, or waits for one (and for work); returns the agent's version.</summary>
    private int BecomeFree(int agent, bool wantsWork)
    {
        var version = _agents.Start(agent, AgentMirror.Free, _now, -1);
        var scheduled = _agents.Scheduled[agent];
        var takesContacts = scheduled is ScheduledActivity.Phone or ScheduledActivity.Flexible;
        if (takesContacts && TryAnswerWaiting(agent))
        {
            return version;
        }

        if (takesContacts)
        {
            foreach (var q in _model.AgentQueues[agent])
            {
                _freeForQueue[q].Enqueue((agent, version));
            }
        }

        if (wantsWork)
        {
            var proficiency = _model.Proficiency[agent];
            for (var skill = 0; skill < proficiency.Length; skill++)
            {
                if (proficiency[skill] > 0)
                {
                    _wantingWork[skill].Push((agent, version));
                }
            }
        }

        return version;
    }

    private bool TryAnswerWaiting(int agent)
    {
        var best = -1;
        var oldest = double.PositiveInfinity;
        foreach (var q in _model.AgentQueues[agent])
        {
            var arrival = _waiting.OldestArrival(q);
            if (arrival < oldest)
            {
                (best, oldest) = (q, arrival);
            }
        }

        if (best < 0)
        {
            return false;
        }

        Answer(agent, best, _waiting.Dequeue(best));
        return true;
    }

    private void Observe(int queue)
    {
        var oldest = _waiting.OldestArrival(queue);
        var k = _interval;
        var resolved = Tally.Answered[queue][k] + Tally.Abandoned[queue][k];
        var rolling = resolved == 0 ? 1.0 : Tally.AnsweredInTime[queue][k] / resolved;
        var observation = new QueueObservation(
            _waiting.Count[queue],
            double.IsInfinity(oldest) ? TimeSpan.Zero : TimeSpan.FromTicks((long)((_now - oldest) * TimeSpan.TicksPerSecond)),
            rolling,
            _model.QueueForecastPerMinute[queue][k],
            _model.AverageHandleTimes[queue]);
        _engine.UpdateQueue(queue, observation, _stamp, _recalls);
    }

    /// <summary>Books the work in progress at the end and counts the items left open.</summary>
    private void Close()
    {
        for (var agent = 0; agent < _agents.State.Length; agent++)
        {
            var busy = _agents.State[agent] switch
            {
                AgentMirror.OnContact => Tally.PhoneBusySeconds,
                AgentMirror.OnItem => Tally.BackOfficeBusySeconds,
                _ => null,
            };
            if (busy is not null)
            {
                Tally.Spread(busy, _agents.TaskStart[agent], _now, _intervalSeconds);
            }
        }

        foreach (var item in _items.AsSpan(0, _itemCount))
        {
            if (!item.Done)
            {
                Tally.OpenAtEnd++;
                Tally.OverdueAtEnd += item.Deadline < _now ? 1 : 0;
            }
        }
    }

    /// <summary>
    /// The engine's instant for elapsed <paramref name="seconds"/>, in UTC: the engine reads only the UTC ticks, and a
    /// UTC instant is built without the offset arithmetic of adding to the scenario's start.
    /// </summary>
    private DateTimeOffset Instant(double seconds) =>
        new(_startUtcTicks + (long)(seconds * TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private double ProficiencyFor(int agent, int item) => _model.Proficiency[agent][_model.ItemSkills[_items[item].Type]];

    private int IntervalOf(double seconds) => Math.Min((int)(seconds / _intervalSeconds), Tally.ItemsArrived.Length - 1);

    /// <summary>An item's true remaining effort (seconds at proficiency 1), which the engine only estimates.</summary>
    private struct ItemTruth
    {
        public double Remaining;
        public double Deadline;
        public int Type;
        public bool Done;
    }

    private void Schedule(double at, EventKind kind, int target, int version = 0)
    {
        if (at < _duration)
        {
            _events.Enqueue(new SimEvent(kind, target, version), at);
        }
    }
}
