namespace BackOfficeCloud.Planning.Simulation.Run;

/// <summary>
/// Contacts waiting in each immediate queue, first come first served. Contacts live in reusable slots; an abandoned
/// contact stays in its queue's ring buffer, marked, until it reaches the head (lazy deletion).
/// </summary>
internal sealed class WaitingContacts
{
    private readonly Queue<int>[] _lines;
    private readonly Stack<int> _freeSlots = new();
    private double[] _arrival = new double[256];
    private int[] _version = new int[256];
    private bool[] _waiting = new bool[256];
    private int _used;

    public WaitingContacts(int queues)
    {
        _lines = [.. Enumerable.Range(0, queues).Select(_ => new Queue<int>())];
        Count = new int[queues];
    }

    /// <summary>Contacts still waiting (not abandoned) per queue.</summary>
    public int[] Count { get; }

    public double ArrivalOf(int slot) => _arrival[slot];

    public int VersionOf(int slot) => _version[slot];

    public int Enqueue(int queue, double arrival)
    {
        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : NewSlot();
        _arrival[slot] = arrival;
        _version[slot]++;
        _waiting[slot] = true;
        _lines[queue].Enqueue(slot);
        Count[queue]++;
        return slot;
    }

    /// <summary>Marks a contact abandoned if it is still the same contact and still waiting.</summary>
    public bool TryAbandon(int queue, int slot, int version)
    {
        if (_version[slot] != version || !_waiting[slot])
        {
            return false;
        }

        _waiting[slot] = false;
        Count[queue]--;
        return true;
    }

    /// <summary>Arrival instant of the longest-waiting contact, or +∞.</summary>
    public double OldestArrival(int queue)
    {
        if (Count[queue] == 0)
        {
            return double.PositiveInfinity; // abandoned contacts still in line are dropped when the next one waits
        }

        var line = _lines[queue];
        while (line.TryPeek(out var slot))
        {
            if (_waiting[slot])
            {
                return _arrival[slot];
            }

            _freeSlots.Push(line.Dequeue());
        }

        return double.PositiveInfinity;
    }

    /// <summary>Takes the longest-waiting contact and returns its arrival instant.</summary>
    public double Dequeue(int queue)
    {
        var arrival = OldestArrival(queue);
        var slot = _lines[queue].Dequeue();
        _waiting[slot] = false;
        _freeSlots.Push(slot);
        Count[queue]--;
        return arrival;
    }

    private int NewSlot()
    {
        if (_used == _arrival.Length)
        {
            Array.Resize(ref _arrival, _used * 2);
            Array.Resize(ref _version, _used * 2);
            Array.Resize(ref _waiting, _used * 2);
        }

        return _used++;
    }
}
