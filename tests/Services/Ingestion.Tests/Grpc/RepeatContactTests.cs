using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Tests.Support;
using BackOfficeCloud.TestKit;

namespace BackOfficeCloud.Ingestion.Tests.Grpc;

/// <summary>
/// repeat_of is decided before a batch is written (the insert stores it): it must be what a lookup of the stored rows
/// right after the write finds — with the batch's own earlier contacts, and corrected records counted as corrected.
/// </summary>
[Collection(IngestionCollection.Name)]
public sealed class RepeatContactTests(IngestionServiceFixture service)
{
    private const int Day = 60 * 24;

    [Fact]
    public async Task A_customer_calling_again_within_the_window_is_flagged_as_a_repeat()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);

        await client.IngestInteractionsAsync(Build.Calls(Build.Call("c-1", 0, customer: "cust-9"), Build.Call("c-2", 30, customer: "cust-1")));
        await client.IngestInteractionsAsync(Build.Calls(Build.Call("c-3", 60, customer: "cust-9"), Build.Call("c-4", 4 * Day, customer: "cust-9")));

        Assert.Equal(["c-1", "c-2", "c-3:c-1", "c-4"], await FlagsAsync(tenant));
    }

    [Fact]
    public async Task A_batch_flags_its_own_earlier_contacts_and_the_stored_ones_whichever_is_later()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        await client.IngestInteractionsAsync(Build.Calls(Build.Call("s-1", 20, customer: "cust-9"), Build.Call("s-0", 5, customer: "cust-1")));

        await client.IngestInteractionsAsync(Build.Calls(
            Build.Call("c-1", 0, customer: "cust-9"), Build.Call("c-2", 30, customer: "cust-9"), Build.Call("c-3", 30, customer: "cust-9"),
            Build.Call("c-4", 10, customer: "cust-1"), Build.Call("c-5", 4 * Day, customer: "cust-9"), Build.Call("c-6", 25, customer: "cust-9"),
            Build.Call("c-7", 40)));

        // c-3 arrived with c-2, so c-2 is not earlier; c-6 (batch) is later than s-1 (stored), s-1 later than c-1 (batch);
        // c-5 is outside the window; s-1 keeps its flag (a stored row is not flagged again for a contact before it)
        Assert.Equal(["c-1", "c-2:c-6", "c-3:c-6", "c-4:s-0", "c-5", "c-6:s-1", "c-7", "s-0", "s-1"], await FlagsAsync(tenant));
    }

    [Fact]
    public async Task A_corrected_contact_counts_as_corrected_and_a_duplicate_keeps_its_flag()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        await client.IngestInteractionsAsync(Build.Calls(
            Build.Call("c-1", 0, customer: "cust-9"), Build.Call("c-2", 60, customer: "cust-9"), Build.Call("c-3", 120, customer: "cust-9")));

        // c-2 moves to another customer: c-3's latest earlier contact is c-1 now; c-3 itself comes again unchanged
        var result = await client.IngestInteractionsAsync(Build.Calls(
            Build.Call("c-2", 60, customer: "cust-5"), Build.Call("c-3", 120, customer: "cust-9"), Build.Call("c-4", 150, customer: "cust-9")));

        Assert.Equal((1, 1, 1), (result.Accepted, result.Updated, result.Duplicates));
        Assert.Equal(["c-1", "c-2", "c-3:c-2", "c-4:c-3"], await FlagsAsync(tenant));
    }

    [Fact]
    public async Task Flags_of_new_corrected_and_repeated_records_match_a_lookup_after_each_write()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        var random = new Random(7);
        // distinct minutes, so that no two contacts arrive at the same instant and the lookup has one answer
        var minutes = Enumerable.Range(0, 2000).Select(m => m * 7.0).OrderBy(_ => random.Next()).ToArray();
        var next = 0;
        Interaction Call(string id) => Build.Call(id, minutes[next++], customer: random.Next(10) == 0 ? "" : $"cust-{random.Next(25)}");

        var first = Enumerable.Range(0, 150).Select(i => Call($"c-{i}")).ToList();
        // new calls, corrections of stored ones (another arrival or customer), unchanged ones, and ids sent twice in the batch
        var second = Enumerable.Range(150, 100).Select(i => Call($"c-{i}"))
            .Concat(Enumerable.Range(0, 30).Select(i => Call($"c-{i * 3}")))
            .Concat(Enumerable.Range(0, 20).Select(i => first[(i * 3) + 1]))
            .Concat(Enumerable.Range(150, 10).Select(i => Call($"c-{i}")))
            .ToList();

        foreach (var batch in new[] { first, second })
        {
            var stored = (await service.ColumnAsync<string>(tenant, "SELECT source_id FROM ingestion.interactions")).ToHashSet();
            var unchanged = batch.Where(c => stored.Contains(c.SourceId) && first.Contains(c)).Select(c => c.SourceId).ToHashSet();
            var result = await client.IngestInteractionsAsync(Build.Calls([.. batch]));
            Assert.Equal(0, result.Rejected);

            var written = batch.Select(c => c.SourceId).Where(id => !unchanged.Contains(id)).Distinct().ToList();
            Assert.All(await service.ColumnAsync<string>(tenant, $"""
                SELECT b.source_id || ' ' || coalesce(b.repeat_of, '-') || ' ' || coalesce(
                    (SELECT p.source_id FROM ingestion.interactions p
                     WHERE p.customer_ref = b.customer_ref AND p.customer_ref <> ''
                       AND p.arrived_at < b.arrived_at AND p.arrived_at >= b.arrived_at - interval '72 hours'
                     ORDER BY p.arrived_at DESC LIMIT 1), '-')
                FROM ingestion.interactions b WHERE b.source_id IN ('{string.Join("','", written)}')
                """), row => Assert.Equal(row.Split(' ')[2], row.Split(' ')[1]));
        }

        Assert.True(await service.QueryAsync<long>(tenant, "SELECT count(*) FROM ingestion.interactions WHERE repeat_of IS NOT NULL") > 50);
    }

    /// <summary>Every stored contact of the tenant as <c>source_id</c> or <c>source_id:repeat_of</c>, by source id.</summary>
    private Task<List<string>> FlagsAsync(string tenant) =>
        service.ColumnAsync<string>(tenant, "SELECT source_id || coalesce(':' || repeat_of, '') FROM ingestion.interactions ORDER BY source_id");
}
