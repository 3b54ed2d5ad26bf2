using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Imports;
using BackOfficeCloud.Ingestion.Kinds;

namespace BackOfficeCloud.Ingestion.Tests.Imports;

public sealed class ChunkSplitterTests
{
    private readonly ChunkSplitter<Interaction> _splitter = new(new InteractionKind(new IngestionOptions()), maxCarried: 3);

    [Fact]
    public void A_chunk_that_shares_nothing_with_the_one_in_flight_is_written_beside_it()
    {
        _splitter.Next(Calls((1, "a"), (2, "b")), last: false);

        var (rows, afterInFlight) = _splitter.Next(Calls((3, "c"), (4, "d")), last: false);

        Assert.False(afterInFlight);
        Assert.Equal([3, 4], Lines(rows));
    }

    [Fact]
    public void Rows_of_a_customer_in_flight_and_the_later_rows_that_share_their_keys_wait_for_the_next_chunk()
    {
        _splitter.Next(Calls((1, "a"), (2, "b")), last: false);

        // 4 is customer a's again (its repeat flag reads a's stored contacts); 5 is a later version of 4 and 6 has 5's
        // customer y, so both follow 4; 7 shares customer x only with 3, which is written now
        var (now, afterInFlight) = _splitter.Next(
            [Call(3, "call-3", "x"), Call(4, "call-4", "a"), Call(5, "call-4", "y"), Call(6, "call-6", "y"), Call(7, "call-7", "x")], last: false);
        var (next, nextAfterInFlight) = _splitter.Next(Calls((8, "f")), last: false);

        Assert.False(afterInFlight);
        Assert.Equal([3, 7], Lines(now));
        Assert.False(nextAfterInFlight);
        Assert.Equal([4, 5, 6, 8], Lines(next));
    }

    [Fact]
    public void Rows_with_the_same_id_as_one_in_flight_wait_so_the_later_version_is_stored_last()
    {
        _splitter.Next([Call(1, "call-9", "a")], last: false);

        var (now, _) = _splitter.Next([Call(2, "call-8", "b"), Call(3, "call-9", "c")], last: false);

        Assert.Equal([2], Lines(now));
    }

    [Fact]
    public void When_more_rows_depend_on_the_chunk_in_flight_than_may_be_carried_the_whole_chunk_follows_it()
    {
        _splitter.Next(Calls((1, "a"), (2, "b")), last: false);

        var (rows, afterInFlight) = _splitter.Next(Calls((3, "a"), (4, "b"), (5, "a"), (6, "b"), (7, "c")), last: false);

        Assert.True(afterInFlight);
        Assert.Equal([3, 4, 5, 6, 7], Lines(rows));
    }

    [Fact]
    public void The_last_chunk_takes_the_carried_rows_and_follows_the_chunk_in_flight()
    {
        _splitter.Next(Calls((1, "a")), last: false);
        _splitter.Next(Calls((2, "a"), (3, "b")), last: false);

        var (rows, afterInFlight) = _splitter.Next([], last: true);

        Assert.True(afterInFlight);
        Assert.Equal([2], Lines(rows));
    }

    [Fact]
    public void Lifecycle_events_of_a_work_item_in_flight_wait_for_it()
    {
        var splitter = new ChunkSplitter<WorkItemEvent>(new WorkItemEventKind(), maxCarried: 3);
        splitter.Next([Event(1, "T-1")], last: false);

        var (now, _) = splitter.Next([Event(2, "T-2"), Event(3, "T-1")], last: false);

        Assert.Equal([2], Lines(now));
    }

    [Fact]
    public void Work_items_of_a_customer_in_flight_wait_for_it()
    {
        var splitter = new ChunkSplitter<WorkItem>(new WorkItemKind(), maxCarried: 3);
        splitter.Next([Item(1, "a")], last: false);

        // 3's duplicate flag reads customer a's stored items
        var (now, _) = splitter.Next([Item(2, "b"), Item(3, "a")], last: false);

        Assert.Equal([2], Lines(now));
    }

    [Fact]
    public void Rows_that_failed_in_the_reader_have_no_keys_and_never_wait()
    {
        _splitter.Next(Calls((1, "a")), last: false);
        var unreadable = new ImportRow<Interaction>(3, null, [new RowError { Row = 3, Field = "channel", Value = "fax", Reason = "bad" }]);

        var (now, _) = _splitter.Next([Call(2, "call-2", "a"), unreadable], last: false);

        Assert.Equal([3], Lines(now));
    }

    private static List<ImportRow<Interaction>> Calls(params (int Line, string Customer)[] calls) =>
        calls.Select(c => Call(c.Line, $"call-{c.Line}", c.Customer)).ToList();

    private static ImportRow<Interaction> Call(int line, string sourceId, string customer) =>
        new(line, new Interaction { SourceId = sourceId, CustomerRef = customer }, []);

    private static ImportRow<WorkItemEvent> Event(int line, string item) =>
        new(line, new WorkItemEvent { SourceId = $"e-{line}", WorkItemId = item }, []);

    private static ImportRow<WorkItem> Item(int line, string customer) =>
        new(line, new WorkItem { SourceId = $"item-{line}", CustomerRef = customer }, []);

    private static long[] Lines<T>(List<ImportRow<T>> rows)
        where T : class => rows.Select(r => r.Line).ToArray();
}
