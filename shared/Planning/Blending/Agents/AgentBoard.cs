using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending.Agents;

/// <summary>
/// The agents of one tenant with per-queue counters (free, on contacts, recalled) and per-skill counts of working
/// agents, kept current on every change so a decision reads them in O(1). Every mutation goes through
/// <see cref="Change"/>, which takes the agent out of the counters, applies the change and puts it back.
/// Agents working items who could be recalled to a queue sit in that queue's heap keyed by the expected end of
/// their item (lazy deletion by <see cref="AgentRecord.TaskVersion"/>).
/// </summary>
internal sealed class AgentBoard
{
    private readonly List<AgentRecord> _agents = [];
    private PriorityQueue<(int Agent, int TaskVersion), long>[] _recallCandidates;

    /// <summary>Reused by <see cref="Compact"/>: a compaction every thousand items would otherwise allocate a list.</summary>
    private readonly List<((int Agent, int TaskVersion) Element, long Priority)> _live = [];

    public AgentBoard(int skillCount, int queueCount)
    {
        Free = new int[queueCount];
        OnContacts = new int[queueCount];
        PendingRecalls = new int[queueCount];
        WorkingInSkill = new int[skillCount];
        _recallCandidates = new PriorityQueue<(int, int), long>[queueCount];
        for (var q = 0; q < queueCount; q++)
        {
            _recallCandidates[q] = new PriorityQueue<(int, int), long>();
        }
    }

    public int[] Free { get; private set; }

    public int[] OnContacts { get; private set; }

    public int[] PendingRecalls { get; private set; }

    /// <summary>Agents on schedule who have each skill: the people the skill's backlog is shared among.</summary>
    public int[] WorkingInSkill { get; private set; }

    public void AddSkill() => WorkingInSkill = [.. WorkingInSkill, 0];

    /// <summary>A new queue with no agents yet: callers then move agents into it with <see cref="Change"/>.</summary>
    public void AddQueue()
    {
        Free = [.. Free, 0];
        OnContacts = [.. OnContacts, 0];
        PendingRecalls = [.. PendingRecalls, 0];
        _recallCandidates = [.. _recallCandidates, new PriorityQueue<(int, int), long>()];
    }

    public int Count => _agents.Count;

    /// <summary>By reference: reading a field does not copy the whole record (callers that keep one take a copy).</summary>
    public ref readonly AgentRecord this[int agent] => ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_agents)[agent];

    public int Add(AgentProfile profile, int[] queues)
    {
        _agents.Add(new AgentRecord
        {
            Skills = [.. profile.Skills],
            Queues = queues,
            Scheduled = ScheduledActivity.Unavailable,
            Activity = AgentActivity.Away,
            ContactQueue = -1,
            ItemSlot = -1,
            RecallQueue = -1,
        });
        return _agents.Count - 1;
    }

    public delegate void Mutation<TState>(ref AgentRecord agent, TState state);

    public void Change<TState>(int agent, TState state, Mutation<TState> mutation)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_agents);
        ref var a = ref span[agent];
        Tally(ref a, -1);
        mutation(ref a, state);
        Tally(ref a, +1);
    }

    public void OfferForRecall(int agent, long expectedEndTicks)
    {
        var a = _agents[agent];
        if (!a.InPhonePool)
        {
            return;
        }

        foreach (var q in a.Queues)
        {
            var heap = _recallCandidates[q];
            if (heap.Count > (2 * _agents.Count) + 64)
            {
                Compact(heap);
            }

            heap.Enqueue((agent, a.TaskVersion), expectedEndTicks);
        }
    }

    /// <summary>The agent on an item who is expected to finish first and is not already recalled, or -1.</summary>
    public int TakeRecallCandidate(int queue)
    {
        var heap = _recallCandidates[queue];
        while (heap.TryDequeue(out var entry, out _))
        {
            if (IsRecallCandidate(entry))
            {
                return entry.Agent;
            }
        }

        return -1;
    }

    private bool IsRecallCandidate((int Agent, int TaskVersion) entry)
    {
        var a = _agents[entry.Agent];
        return a.TaskVersion == entry.TaskVersion && a.Activity == AgentActivity.OnItem && a.RecallQueue < 0 && a.InPhonePool;
    }

    /// <summary>Drops stale entries, which pile up when agents finish items without being recalled.</summary>
    private void Compact(PriorityQueue<(int Agent, int TaskVersion), long> heap)
    {
        _live.Clear();
        foreach (var entry in heap.UnorderedItems)
        {
            if (IsRecallCandidate(entry.Element))
            {
                _live.Add(entry);
            }
        }

        heap.Clear();
        heap.EnqueueRange(_live);
    }

    private void Tally(ref AgentRecord a, int delta)
    {
        if (a.Scheduled == ScheduledActivity.Unavailable && a.Activity == AgentActivity.Away)
        {
            return;
        }

        foreach (var skill in a.Skills)
        {
            WorkingInSkill[skill.Skill] += delta;
        }

        if (a.Activity == AgentActivity.OnContact)
        {
            OnContacts[a.ContactQueue] += delta;
        }

        if (!a.InPhonePool)
        {
            return;
        }

        foreach (var q in a.Queues)
        {
            if (a.Activity == AgentActivity.Free)
            {
                Free[q] += delta;
            }
        }

        if (a.RecallQueue >= 0)
        {
            PendingRecalls[a.RecallQueue] += delta;
        }
    }
}
