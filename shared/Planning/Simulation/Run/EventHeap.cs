namespace BackOfficeCloud.Planning.Simulation.Run;

/// <summary>
/// The simulation's future events: the 4-ary min-heap of <see cref="PriorityQueue{TElement, TPriority}"/>, same
/// moves and the same order among equal instants (so seeded runs give the same results), but with the instants in
/// an array of their own: sifting compares 8-byte keys packed together instead of 24-byte nodes, which is most of
/// the cost of a run with a thousand agents' events in flight.
/// </summary>
internal sealed class EventHeap
{
    private const int Arity = 4;
    private double[] _at = new double[1024];
    private SimEvent[] _events = new SimEvent[1024];
    private int _count;

    public void Enqueue(SimEvent e, double at)
    {
        if (_count == _at.Length)
        {
            Array.Resize(ref _at, _count * 2);
            Array.Resize(ref _events, _count * 2);
        }

        var i = _count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            if (!(at < _at[parent]))
            {
                break;
            }

            _at[i] = _at[parent];
            _events[i] = _events[parent];
            i = parent;
        }

        _at[i] = at;
        _events[i] = e;
    }

    /// <summary>The instant of the next event, or +∞ when there is none.</summary>
    public double NextAt => _count > 0 ? _at[0] : double.PositiveInfinity;

    public bool TryDequeue(out SimEvent e, out double at)
    {
        if (_count == 0)
        {
            (e, at) = (default, 0);
            return false;
        }

        (e, at) = (_events[0], _at[0]);
        var last = --_count;
        if (last > 0)
        {
            MoveDown(_events[last], _at[last]);
        }

        return true;
    }

    private void MoveDown(SimEvent e, double at)
    {
        var keys = _at;
        var size = _count;
        var i = 0;
        int child;
        while ((child = (i << 2) + 1) < size)
        {
            var min = child;
            var minAt = keys[child];
            var end = Math.Min(child + Arity, size);
            while (++child < end)
            {
                if (keys[child] < minAt)
                {
                    (min, minAt) = (child, keys[child]);
                }
            }

            if (at <= minAt)
            {
                break;
            }

            keys[i] = minAt;
            _events[i] = _events[min];
            i = min;
        }

        keys[i] = at;
        _events[i] = e;
    }
}
