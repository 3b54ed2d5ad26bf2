using BackOfficeCloud.Planning.Blending.Items;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending.Tests.Items;

public class ItemBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static BackOfficeItem Item(long id, int skill, double deadlineHours, double effortMinutes, long customer = 0) =>
        new(id, 0, skill, 0, Now, Now.AddHours(deadlineHours), TimeSpan.FromMinutes(effortMinutes), customer);

    [Fact]
    public void Keeps_one_urgency_heap_per_skill_with_lazy_deletion()
    {
        var book = new ItemBook(2, TimeSpan.FromHours(1));
        book.Add(Item(1, 0, 5, 10), Now.UtcTicks);
        book.Add(Item(2, 0, 3, 10), Now.UtcTicks);
        book.Add(Item(3, 1, 1, 10), Now.UtcTicks);
        Assert.True(book.TryGetSlot(2, out var second));

        book.Remove(second);

        Assert.Equal(1, book[book.PeekMostUrgent(0, out _)].Id);
        Assert.Equal(3, book[book.PeekMostUrgent(1, out _)].Id);
        Assert.Equal(TimeSpan.FromMinutes(10).Ticks, book.OpenEffortTicks[0]);
        Assert.Equal(2, book.Count);
    }

    [Fact]
    public void A_returned_item_is_ranked_by_its_remaining_effort()
    {
        var book = new ItemBook(1, TimeSpan.FromHours(1));
        book.Add(Item(1, 0, 4, 180), Now.UtcTicks); // latest start in 1 h
        book.Add(Item(2, 0, 2, 30), Now.UtcTicks);  // latest start in 1.5 h
        var first = book.PeekMostUrgent(0, out _);
        book.Take(first);
        Assert.Equal(2, book[book.PeekMostUrgent(0, out _)].Id);

        book.ReduceEffort(first, TimeSpan.FromMinutes(120).Ticks);
        book.Release(first, 0, Now.UtcTicks);

        Assert.Equal(2, book[book.PeekMostUrgent(0, out _)].Id); // item 1 now starts at the latest in 3 h
        Assert.Equal(TimeSpan.FromMinutes(90).Ticks, book.OpenEffortTicks[0]);
    }

    [Fact]
    public void Finds_a_customers_open_items_after_removals()
    {
        var book = new ItemBook(2, TimeSpan.FromHours(1));
        SkillLevel[] onlySkill1 = [new(1, 1.0)];
        book.Add(Item(1, 1, 5, 10, customer: 42), Now.UtcTicks);
        book.Add(Item(2, 0, 5, 10, customer: 42), Now.UtcTicks);
        book.Add(Item(3, 1, 5, 10, customer: 42), Now.UtcTicks);

        Assert.True(book.TryGetSlot(3, out var third));
        book.Remove(third);
        Assert.Equal(1, book[book.FindOpenOfCustomer(42, onlySkill1, 0.1)].Id);
        Assert.True(book.TryGetSlot(1, out var first));
        book.Remove(first);
        Assert.Equal(-1, book.FindOpenOfCustomer(42, onlySkill1, 0.1));
        Assert.Equal(-1, book.FindOpenOfCustomer(7, onlySkill1, 0.1));
    }

    [Fact]
    public void Pended_items_stay_out_of_reach_until_their_time()
    {
        var book = new ItemBook(1, TimeSpan.FromHours(1));
        book.Add(Item(1, 0, 5, 10) with { PendedUntil = Now.AddHours(1) }, Now.UtcTicks);

        Assert.Equal(-1, book.PeekMostUrgent(0, out _));
        book.ReleaseMatured(Now.AddMinutes(59).UtcTicks);
        Assert.Equal(-1, book.PeekMostUrgent(0, out _));
        book.ReleaseMatured(Now.AddHours(1).UtcTicks);
        Assert.Equal(1, book[book.PeekMostUrgent(0, out _)].Id);
    }

    [Fact]
    public void Stays_in_urgency_order_while_taken_items_pile_up_as_stale_entries()
    {
        var book = new ItemBook(1, TimeSpan.FromHours(1));
        for (var id = 1; id <= 200; id++)
        {
            book.Add(Item(id, 0, deadlineHours: id, effortMinutes: 10), Now.UtcTicks);
        }

        // An item taken and given back leaves its old entry deep in the heap: 3,000 of them make the heap compact
        // itself (above twice the open items plus 1,024 entries) twice over.
        for (var round = 0; round < 3000; round++)
        {
            Assert.True(book.TryGetSlot((round % 200) + 1, out var slot));
            book.Take(slot);
            book.Release(slot, 0, Now.UtcTicks);
        }

        for (var id = 1; id <= 200; id++)
        {
            var slot = book.PeekMostUrgent(0, out _);
            Assert.Equal(id, book[slot].Id);
            book.Take(slot);
            book.Remove(slot);
        }

        Assert.Equal(-1, book.PeekMostUrgent(0, out _));
        Assert.Equal(0, book.OpenEffortTicks[0]);
    }
}
