using System.Runtime.CompilerServices;

namespace BackOfficeCloud.Planning.Simulation.Run;

/// <summary>
/// The simulation's future events: a 4-ary min-heap with the instants in an array of their own, so sifting compares
/// 8-byte keys packed together rather than whole events. Keys are the bits of the (non-negative) instants, which order
/// like the instants as integers: the smallest of four children is then found with flag arithmetic instead of
/// branches, which a processor cannot predict when the children's order is random. The key array always has three
/// slots of +∞ past the last event, so every parent has four children to compare. Among equal instants the order is
/// fixed by the moves alone, so seeded runs repeat exactly.
/// </summary>
internal sealed class EventHeap
{
    private const int Padding = 3;
    private long[] _keys = NewKeys(1024);
    private SimEvent[] _events = new SimEvent[1024];
    private int _count;

    public void Enqueue(SimEvent e, double at)
    {
        if (_count == _events.Length)
        {
            Grow();
        }

        var key = BitConverter.DoubleToInt64Bits(at);
        var keys = _keys;
        var i = _count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            if (key >= keys[parent])
            {
                break;
            }

            keys[i] = keys[parent];
            _events[i] = _events[parent];
            i = parent;
        }

        keys[i] = key;
        _events[i] = e;
    }

    /// <summary>The instant of the next event, or +∞ when there is none (the empty heap's first key is +∞).</summary>
    public double NextAt => BitConverter.Int64BitsToDouble(_keys[0]);

    public bool TryDequeue(out SimEvent e, out double at)
    {
        if (_count == 0)
        {
            (e, at) = (default, 0);
            return false;
        }

        (e, at) = (_events[0], BitConverter.Int64BitsToDouble(_keys[0]));
        var last = --_count;
        var lastKey = _keys[last];
        _keys[last] = Infinity;
        if (last > 0)
        {
            MoveDown(_events[last], lastKey);
        }

        return true;
    }

    private static long Infinity => BitConverter.DoubleToInt64Bits(double.PositiveInfinity);

    private void MoveDown(SimEvent e, long key)
    {
        var keys = _keys;
        var events = _events;
        var i = 0;
        int child;
        while ((child = (i << 2) + 1) < _count)
        {
            var (k0, k1, k2, k3) = (keys[child], keys[child + 1], keys[child + 2], keys[child + 3]);
            var b01 = Bit(k1 < k0);
            var b23 = Bit(k3 < k2);
            var min01 = Select(b01, k1, k0);
            var min23 = Select(b23, k3, k2);
            var b = Bit(min23 < min01);
            var minKey = Select(b, min23, min01);
            if (key <= minKey)
            {
                break;
            }

            var min = child + Select(b, 2 + b23, b01);
            keys[i] = minKey;
            events[i] = events[min];
            i = min;
        }

        keys[i] = key;
        events[i] = e;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bit(bool condition) => condition ? 1 : 0;

    /// <summary><paramref name="whenOne"/> if <paramref name="bit"/> is 1, else <paramref name="whenZero"/>, without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Select(int bit, long whenOne, long whenZero) => whenZero ^ ((whenOne ^ whenZero) & -(long)bit);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Select(int bit, int whenOne, int whenZero) => whenZero ^ ((whenOne ^ whenZero) & -bit);

    private void Grow()
    {
        var keys = NewKeys(_events.Length * 2);
        Array.Copy(_keys, keys, _count);
        _keys = keys;
        Array.Resize(ref _events, _events.Length * 2);
    }

    private static long[] NewKeys(int capacity)
    {
        var keys = new long[capacity + Padding];
        Array.Fill(keys, Infinity);
        return keys;
    }
}
