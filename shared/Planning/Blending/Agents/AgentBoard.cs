using System.Runtime.CompilerServices;
using BackOfficeCloud.Planning.Blending.Heaps;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending.Agents;

/// <summary>
/// The agents of one tenant with per-queue counters (free, on contacts, recalled) and per-skill counts of working
/// agents, kept current on every change so a decision reads them in O(1). Every mutation goes through
/// <see cref="Change"/>, which compares what the agent adds to the counters before and after the change and moves
/// only the difference (a contact starting or ending touches two counters, not every skill and queue).
/// Agents working items who could be recalled to a queue sit in that queue's heap keyed by the expected end of
/// their item (lazy deletion by <see cref="AgentRecord.TaskVersion"/>).
/// </summary>
internal sealed class AgentBoard
{
    private readonly List<AgentRecord> _agents = [];
    private PriorityQueue<(int Agent, int TaskVersion), long>[] _recallCandidates;

    /// <summary>Drops stale entries, which pile up when agents finish items without being recalled.</summary>
    private readonly StaleEntryCompactor<(int Agent, int TaskVersion)> _compactor;

    public AgentBoard(int skillCount, int queueCount)
    {
        Free = new int[queueCount];
        OnContacts = new int[queueCount];
        PendingRecalls = new int[queueCount];
        WorkingInSkill = new int[skillCount];
        _compactor = new(IsRecallCandidate);
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
        var before = Footprint.Of(a);
        mutation(ref a, state);
        Recount(before, Footprint.Of(a));
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
                _compactor.Compact(heap);
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

    /// <summary>Moves the agent between counters: only what differs between the two footprints is touched.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Recount(in Footprint before, in Footprint after)
    {
        if (!ReferenceEquals(before.Skills, after.Skills))
        {
            Add(WorkingInSkill, before.Skills, -1);
            Add(WorkingInSkill, after.Skills, +1);
        }

        if (!ReferenceEquals(before.FreeIn, after.FreeIn))
        {
            Add(Free, before.FreeIn, -1);
            Add(Free, after.FreeIn, +1);
        }

        Move(OnContacts, before.ContactQueue, after.ContactQueue);
        Move(PendingRecalls, before.RecallQueue, after.RecallQueue);
    }

    private static void Add(int[] counters, SkillLevel[]? skills, int delta)
    {
        foreach (var skill in skills ?? [])
        {
            counters[skill.Skill] += delta;
        }
    }

    private static void Add(int[] counters, int[]? queues, int delta)
    {
        foreach (var q in queues ?? [])
        {
            counters[q] += delta;
        }
    }

    private static void Move(int[] counters, int from, int to)
    {
        if (from == to)
        {
            return;
        }

        if (from >= 0)
        {
            counters[from]--;
        }

        if (to >= 0)
        {
            counters[to]++;
        }
    }

    /// <summary>
    /// What an agent adds to the counters: nothing while off schedule and away; else their skills, the queue of their
    /// contact, and in the phone pool the queues they are free for and the queue they are recalled to.
    /// </summary>
    private readonly struct Footprint
    {
        public SkillLevel[]? Skills { get; private init; }

        public int ContactQueue { get; private init; }

        public int[]? FreeIn { get; private init; }

        public int RecallQueue { get; private init; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Footprint Of(in AgentRecord a)
        {
            if (a.Scheduled == ScheduledActivity.Unavailable && a.Activity == AgentActivity.Away)
            {
                return new Footprint { ContactQueue = -1, RecallQueue = -1 };
            }

            var inPool = a.InPhonePool;
            return new Footprint
            {
                Skills = a.Skills,
                ContactQueue = a.Activity == AgentActivity.OnContact ? a.ContactQueue : -1,
                FreeIn = inPool && a.Activity == AgentActivity.Free ? a.Queues : null,
                RecallQueue = inPool ? a.RecallQueue : -1,
            };
        }
    }
}
