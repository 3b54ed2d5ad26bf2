using System.Runtime.InteropServices;
using BackOfficeCloud.Planning.Blending.Heaps;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending.Items;

/// <summary>
/// The open back-office items of one tenant, indexed so a decision never scans them: one priority queue per skill
/// keyed by urgency, one for pended items keyed by the time they come back, and a per-customer linked list.
/// Entries are deleted lazily: a heap entry whose version no longer matches its slot is skipped when it surfaces.
/// </summary>
internal sealed class ItemBook
{
    private PriorityQueue<HeapEntry, long>[] _bySkill;
    private readonly PriorityQueue<HeapEntry, long> _pended = new();
    private readonly Dictionary<long, int> _slotById = [];
    private readonly Dictionary<long, int> _firstByCustomer = [];
    private readonly Stack<int> _freeSlots = new();

    /// <summary>Drops stale entries, which pile up when items are cancelled or grouped by customer out of order.</summary>
    private readonly StaleEntryCompactor<HeapEntry> _compactor;
    private readonly long _priorityStepTicks;
    private ItemSlot[] _slots = new ItemSlot[1024];
    private int _used;

    public ItemBook(int skillCount, TimeSpan priorityStep)
    {
        _bySkill = new PriorityQueue<HeapEntry, long>[skillCount];
        for (var s = 0; s < skillCount; s++)
        {
            _bySkill[s] = new PriorityQueue<HeapEntry, long>();
        }

        OpenEffortTicks = new long[skillCount];
        _compactor = new(e => _slots[e.Slot].Version == e.Version);
        _priorityStepTicks = priorityStep.Ticks;
    }

    /// <summary>Remaining effort (standard pace) of the items open in each skill.</summary>
    public long[] OpenEffortTicks { get; private set; }

    public void AddSkill()
    {
        _bySkill = [.. _bySkill, new PriorityQueue<HeapEntry, long>()];
        OpenEffortTicks = [.. OpenEffortTicks, 0];
    }

    public int Count => _slotById.Count;

    public ref readonly ItemSlot this[int slot] => ref _slots[slot];

    public bool TryGetSlot(long itemId, out int slot) => _slotById.TryGetValue(itemId, out slot);

    public void Add(in BackOfficeItem item, long nowTicks)
    {
        ref var slotOfId = ref CollectionsMarshal.GetValueRefOrAddDefault(_slotById, item.Id, out var known);
        if (known)
        {
            throw new ArgumentException($"Item {item.Id} is already open.", nameof(item));
        }

        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : NewSlot();
        slotOfId = slot;
        ref var s = ref _slots[slot];
        s = new ItemSlot
        {
            Id = item.Id,
            ItemType = item.ItemType,
            Skill = item.Skill,
            Priority = item.Priority,
            DeadlineTicks = item.Deadline.UtcTicks,
            RemainingEffortTicks = item.RemainingEffort.Ticks,
            CustomerId = item.CustomerId,
            Version = s.Version + 1,
            NextOfCustomer = -1,
            PreviousOfCustomer = -1,
        };
        LinkCustomer(slot);
        Release(slot, item.PendedUntil?.UtcTicks ?? 0, nowTicks);
    }

    /// <summary>Makes an item available again (new, back from an agent, or pended until a later time).</summary>
    public void Release(int slot, long pendedUntilTicks, long nowTicks)
    {
        ref var s = ref _slots[slot];
        s.Version++;
        if (pendedUntilTicks > nowTicks)
        {
            s.State = ItemState.Pended;
            _pended.Enqueue(new HeapEntry(slot, s.Version), pendedUntilTicks);
            return;
        }

        s.State = ItemState.Open;
        OpenEffortTicks[s.Skill] += s.RemainingEffortTicks;
        var heap = _bySkill[s.Skill];
        if (heap.Count > (2 * _slotById.Count) + 1024)
        {
            _compactor.Compact(heap);
        }

        heap.Enqueue(new HeapEntry(slot, s.Version), UrgencyKey(s));
    }

    /// <summary>Takes an open item out of the backlog for an agent.</summary>
    public void Take(int slot)
    {
        ref var s = ref _slots[slot];
        OpenEffortTicks[s.Skill] -= s.RemainingEffortTicks;
        s.State = ItemState.Assigned;
        s.Version++;
    }

    public void ReduceEffort(int slot, long workedTicks)
    {
        ref var s = ref _slots[slot];
        s.RemainingEffortTicks = Math.Max(0, s.RemainingEffortTicks - workedTicks);
    }

    /// <summary>Forgets an item (completed or cancelled), whatever state it is in.</summary>
    public void Remove(int slot)
    {
        ref var s = ref _slots[slot];
        if (s.State == ItemState.Open)
        {
            OpenEffortTicks[s.Skill] -= s.RemainingEffortTicks;
        }

        UnlinkCustomer(slot);
        _slotById.Remove(s.Id);
        s.State = ItemState.Gone;
        s.Version++;
        _freeSlots.Push(slot);
    }

    /// <summary>Moves items whose pending time has passed back into their skill's queue.</summary>
    public void ReleaseMatured(long nowTicks)
    {
        while (_pended.TryPeek(out var entry, out var until) && until <= nowTicks)
        {
            _pended.Dequeue();
            if (_slots[entry.Slot].Version == entry.Version)
            {
                Release(entry.Slot, 0, nowTicks);
            }
        }
    }

    /// <summary>The most urgent open item of a skill, or -1; stale heap entries are dropped on the way.</summary>
    public int PeekMostUrgent(int skill, out long urgencyKey)
    {
        var heap = _bySkill[skill];
        while (heap.TryPeek(out var entry, out urgencyKey))
        {
            if (_slots[entry.Slot].Version == entry.Version)
            {
                return entry.Slot;
            }

            heap.Dequeue();
        }

        urgencyKey = 0;
        return -1;
    }

    /// <summary>An open item of <paramref name="customerId"/> the agent with <paramref name="skills"/> can work, or -1.</summary>
    public int FindOpenOfCustomer(long customerId, SkillLevel[] skills, double minimumProficiency)
    {
        if (customerId == 0 || !_firstByCustomer.TryGetValue(customerId, out var slot))
        {
            return -1;
        }

        for (; slot >= 0; slot = _slots[slot].NextOfCustomer)
        {
            if (_slots[slot].State == ItemState.Open && Accepts(skills, _slots[slot].Skill, minimumProficiency))
            {
                return slot;
            }
        }

        return -1;
    }

    /// <summary>Latest start (deadline less remaining effort) brought forward by the priority: smaller is more urgent.</summary>
    public long UrgencyKey(in ItemSlot s) =>
        s.DeadlineTicks - s.RemainingEffortTicks - (s.Priority * _priorityStepTicks);

    private static bool Accepts(SkillLevel[] skills, int skill, double minimumProficiency)
    {
        foreach (var s in skills)
        {
            if (s.Skill == skill && s.Proficiency >= minimumProficiency)
            {
                return true;
            }
        }

        return false;
    }

    private int NewSlot()
    {
        if (_used == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        return _used++;
    }

    private void LinkCustomer(int slot)
    {
        var customer = _slots[slot].CustomerId;
        if (customer == 0)
        {
            return;
        }

        if (_firstByCustomer.TryGetValue(customer, out var first))
        {
            _slots[slot].NextOfCustomer = first;
            _slots[first].PreviousOfCustomer = slot;
        }

        _firstByCustomer[customer] = slot;
    }

    private void UnlinkCustomer(int slot)
    {
        ref var s = ref _slots[slot];
        if (s.CustomerId == 0)
        {
            return;
        }

        if (s.PreviousOfCustomer >= 0)
        {
            _slots[s.PreviousOfCustomer].NextOfCustomer = s.NextOfCustomer;
        }
        else if (s.NextOfCustomer >= 0)
        {
            _firstByCustomer[s.CustomerId] = s.NextOfCustomer;
        }
        else
        {
            _firstByCustomer.Remove(s.CustomerId);
        }

        if (s.NextOfCustomer >= 0)
        {
            _slots[s.NextOfCustomer].PreviousOfCustomer = s.PreviousOfCustomer;
        }

        s.NextOfCustomer = -1;
        s.PreviousOfCustomer = -1;
    }

    private readonly record struct HeapEntry(int Slot, int Version);
}
