namespace BackOfficeCloud.Planning.Blending.Heaps;

/// <summary>
/// Rebuilds a lazily-deleted heap from its live entries. The list of live entries is reused across compactions:
/// a compaction every thousand entries would otherwise allocate one.
/// </summary>
internal sealed class StaleEntryCompactor<TElement>(Func<TElement, bool> isLive)
{
    private readonly List<(TElement Element, long Priority)> _live = [];

    public void Compact(PriorityQueue<TElement, long> heap)
    {
        _live.Clear();
        foreach (var entry in heap.UnorderedItems)
        {
            if (isLive(entry.Element))
            {
                _live.Add(entry);
            }
        }

        heap.Clear();
        heap.EnqueueRange(_live);
    }
}
