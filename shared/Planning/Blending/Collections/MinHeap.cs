using System.Runtime.CompilerServices;

namespace BackOfficeCloud.Planning.Blending.Collections;

/// <summary>
/// A 4-ary min-heap with 64-bit keys, for the engine's urgency and recall queues and the simulator's event list.
/// It does what <see cref="PriorityQueue{TElement, TPriority}"/> does, faster where these callers spend their time:
/// the keys sit in an array of their own (four children's keys share a cache line), and the least of four children
/// is found with flag arithmetic instead of branches, which a processor cannot predict when the children's order is
/// random. The key array keeps three slots of <see cref="long.MaxValue"/> past the last element, so every parent has
/// four children to compare. Among equal keys the order depends only on the sequence of operations, so runs repeat.
/// </summary>
public sealed class MinHeap<TElement>
{
    private const int Padding = 3;
    private long[] _keys;
    private TElement[] _elements;
    private int _count;

    public MinHeap(int capacity = 16)
    {
        capacity = Math.Max(capacity, 4);
        _keys = NewKeys(capacity);
        _elements = new TElement[capacity];
    }

    public int Count => _count;

    /// <summary>The least key, or <see cref="long.MaxValue"/> when the heap is empty.</summary>
    public long MinKey => _keys[0];

    public void Enqueue(TElement element, long key)
    {
        if (_count == _elements.Length)
        {
            Grow();
        }

        var keys = _keys;
        var elements = _elements;
        var i = _count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            if (key >= keys[parent])
            {
                break;
            }

            keys[i] = keys[parent];
            elements[i] = elements[parent];
            i = parent;
        }

        keys[i] = key;
        elements[i] = element;
    }

    public bool TryPeek(out TElement element, out long key)
    {
        if (_count == 0)
        {
            (element, key) = (default!, 0);
            return false;
        }

        (element, key) = (_elements[0], _keys[0]);
        return true;
    }

    public bool TryDequeue(out TElement element, out long key)
    {
        if (!TryPeek(out element, out key))
        {
            return false;
        }

        RemoveMin();
        return true;
    }

    /// <summary>Drops the element with the least key (call only when not empty).</summary>
    public void RemoveMin()
    {
        var last = --_count;
        var lastKey = _keys[last];
        var lastElement = _elements[last];
        _keys[last] = long.MaxValue;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TElement>())
        {
            _elements[last] = default!;
        }

        if (last > 0)
        {
            MoveDown(0, lastElement, lastKey);
        }
    }

    /// <summary>Keeps only the elements <paramref name="keep"/> accepts, then restores the heap order in linear time.</summary>
    public void RetainWhere(Func<TElement, bool> keep)
    {
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (keep(_elements[i]))
            {
                (_keys[kept], _elements[kept]) = (_keys[i], _elements[i]);
                kept++;
            }
        }

        Array.Fill(_keys, long.MaxValue, kept, _count - kept);
        Array.Clear(_elements, kept, _count - kept);
        _count = kept;
        for (var i = (_count - 2) >> 2; i >= 0; i--)
        {
            MoveDown(i, _elements[i], _keys[i]);
        }
    }

    public void Clear()
    {
        Array.Fill(_keys, long.MaxValue, 0, _count);
        Array.Clear(_elements, 0, _count);
        _count = 0;
    }

    /// <summary>Puts <paramref name="element"/> in the hole at <paramref name="i"/>, moving smaller children up.</summary>
    private void MoveDown(int i, TElement element, long key)
    {
        var keys = _keys;
        var elements = _elements;
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
            elements[i] = elements[min];
            i = min;
        }

        keys[i] = key;
        elements[i] = element;
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
        var keys = NewKeys(_elements.Length * 2);
        Array.Copy(_keys, keys, _count);
        _keys = keys;
        Array.Resize(ref _elements, _elements.Length * 2);
    }

    private static long[] NewKeys(int capacity)
    {
        var keys = new long[capacity + Padding];
        Array.Fill(keys, long.MaxValue);
        return keys;
    }
}
