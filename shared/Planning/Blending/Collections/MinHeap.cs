using System.Runtime.CompilerServices;

namespace BackOfficeCloud.Planning.Blending.Collections;

/// <summary>
/// A 4-ary min-heap with 64-bit keys, for the engine's urgency and recall queues and the simulator's event list.
/// It does what <see cref="PriorityQueue{TElement, TPriority}"/> does, faster where these callers spend their time:
/// the least of four children is found with flag arithmetic instead of branches, which a processor cannot predict
/// when the children's order is random. Keys stay beside their elements, so the child that moves up is in the cache
/// lines just read (with a million open items the heap is far larger than the cache). The node array keeps three
/// nodes keyed <see cref="long.MaxValue"/> past the last element, so every parent has four children to compare.
/// Among equal keys the order depends only on the sequence of operations, so runs repeat.
/// </summary>
public sealed class MinHeap<TElement>
{
    private const int PaddingNodes = 3;
    private Node[] _nodes;
    private int _count;

    public MinHeap(int capacity = 16) => _nodes = NewNodes(Math.Max(capacity, 4));

    public int Count => _count;

    /// <summary>The least key, or <see cref="long.MaxValue"/> when the heap is empty.</summary>
    public long MinKey => _nodes[0].Key;

    public void Enqueue(TElement element, long key)
    {
        if (_count + PaddingNodes == _nodes.Length)
        {
            Grow();
        }

        var nodes = _nodes;
        var i = _count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            if (key >= nodes[parent].Key)
            {
                break;
            }

            nodes[i] = nodes[parent];
            i = parent;
        }

        nodes[i] = new Node(key, element);
    }

    public bool TryPeek(out TElement element, out long key)
    {
        if (_count == 0)
        {
            (element, key) = (default!, 0);
            return false;
        }

        (element, key) = (_nodes[0].Element, _nodes[0].Key);
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
        var moved = _nodes[last];
        _nodes[last] = Node.Padding;
        if (last > 0)
        {
            MoveDown(0, moved);
        }
    }

    /// <summary>Keeps only the elements <paramref name="keep"/> accepts, then restores the heap order in linear time.</summary>
    public void RetainWhere(Func<TElement, bool> keep)
    {
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (keep(_nodes[i].Element))
            {
                _nodes[kept++] = _nodes[i];
            }
        }

        Array.Fill(_nodes, Node.Padding, kept, _count - kept);
        _count = kept;
        for (var i = (_count - 2) >> 2; i >= 0; i--)
        {
            MoveDown(i, _nodes[i]);
        }
    }

    /// <summary>Puts <paramref name="node"/> in the hole at <paramref name="i"/>, moving smaller children up.</summary>
    private void MoveDown(int i, Node node)
    {
        var nodes = _nodes;
        var key = node.Key;
        int child;
        while ((child = (i << 2) + 1) < _count)
        {
            var (k0, k1, k2, k3) = (nodes[child].Key, nodes[child + 1].Key, nodes[child + 2].Key, nodes[child + 3].Key);
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
            nodes[i] = nodes[min];
            i = min;
        }

        nodes[i] = node;
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
        var nodes = NewNodes(_nodes.Length * 2);
        Array.Copy(_nodes, nodes, _count);
        _nodes = nodes;
    }

    private static Node[] NewNodes(int capacity)
    {
        var nodes = new Node[capacity + PaddingNodes];
        Array.Fill(nodes, Node.Padding);
        return nodes;
    }

    private readonly record struct Node(long Key, TElement Element)
    {
        public static Node Padding => new(long.MaxValue, default!);
    }
}
