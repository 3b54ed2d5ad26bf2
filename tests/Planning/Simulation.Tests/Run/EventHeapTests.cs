using BackOfficeCloud.Planning.Simulation.Run;

namespace BackOfficeCloud.Planning.Simulation.Tests.Run;

public class EventHeapTests
{
    [Fact]
    public void Events_come_out_in_the_order_of_the_framework_priority_queue()
    {
        var heap = new EventHeap();
        var reference = new PriorityQueue<int, double>();
        var random = new Random(5);
        var now = 0.0;
        for (var i = 0; i < 20_000; i++)
        {
            // Blocks of mostly adds and mostly removes: the heap grows past its first capacity, empties and grows again.
            var adding = (i / 5000) % 2 == 0 ? random.Next(4) > 0 : random.Next(4) == 0;
            if (adding || reference.Count == 0)
            {
                var at = now + (random.NextDouble() * 3600);
                heap.Enqueue(new SimEvent(EventKind.ContactEnd, i, 0), at);
                reference.Enqueue(i, at);
            }
            else
            {
                Assert.True(heap.TryDequeue(out var e, out now));
                reference.TryDequeue(out var target, out var at);
                Assert.Equal((target, at), (e.Target, now));
            }

            Assert.Equal(reference.TryPeek(out _, out var next) ? next : double.PositiveInfinity, heap.NextAt);
        }

        while (reference.TryDequeue(out var target, out var at))
        {
            Assert.True(heap.TryDequeue(out var e, out var got));
            Assert.Equal((EventKind.ContactEnd, target, at), (e.Kind, e.Target, got));
        }

        Assert.False(heap.TryDequeue(out _, out _));
        Assert.Equal(double.PositiveInfinity, heap.NextAt);
    }
}
