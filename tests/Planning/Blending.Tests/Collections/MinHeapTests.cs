using BackOfficeCloud.Planning.Blending.Collections;

namespace BackOfficeCloud.Planning.Blending.Tests.Collections;

public class MinHeapTests
{
    [Fact]
    public void Keys_come_out_sorted_with_ties_and_the_largest_key_among_them()
    {
        var heap = new MinHeap<int>(4);
        var keys = new List<long>();
        var random = new Random(11);
        for (var i = 0; i < 5000; i++)
        {
            // Few distinct keys, so most compare equal; long.MaxValue is also the padding past the last element.
            var key = random.Next(6) == 0 ? long.MaxValue : random.Next(50);
            heap.Enqueue(i, key);
            keys.Add(key);
        }

        keys.Sort();
        var seen = new HashSet<int>();
        foreach (var expected in keys)
        {
            Assert.Equal(expected, heap.MinKey);
            Assert.True(heap.TryDequeue(out var element, out var key));
            Assert.Equal(expected, key);
            Assert.True(seen.Add(element));
        }

        Assert.Equal(0, heap.Count);
        Assert.False(heap.TryPeek(out _, out _));
    }

    [Fact]
    public void Retain_where_keeps_the_accepted_elements_in_key_order()
    {
        var heap = new MinHeap<int>();
        for (var i = 0; i < 1000; i++)
        {
            heap.Enqueue(i, (i * 7919L) % 1000);
        }

        heap.RetainWhere(i => i % 3 == 0);

        var expected = Enumerable.Range(0, 1000).Where(i => i % 3 == 0).OrderBy(i => (i * 7919L) % 1000).ToList();
        var actual = new List<int>();
        while (heap.TryDequeue(out var element, out _))
        {
            actual.Add(element);
        }

        Assert.Equal(expected, actual);
    }
}
