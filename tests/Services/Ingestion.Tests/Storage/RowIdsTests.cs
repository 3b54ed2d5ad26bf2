using BackOfficeCloud.Ingestion.Storage;

namespace BackOfficeCloud.Ingestion.Tests.Storage;

public sealed class RowIdsTests
{
    [Fact]
    public void Every_id_is_a_distinct_random_uuid_as_written_in_the_standard_form()
    {
        var ids = RowIds.New(10_000);

        Assert.Equal(10_000, ids.Distinct().Count());
        // xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx (RFC 9562, version 4), as PostgreSQL and every consumer read the text
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id.ToString()));
        Assert.All(ids, id => Assert.Equal(4, id.Version));
    }

    [Fact]
    public void The_random_bits_vary_across_ids()
    {
        var ids = RowIds.New(1_000).Select(id => id.ToString("N")).ToList();

        // each hex position other than the fixed version digit takes many values (a constant or a counter would not)
        foreach (var position in Enumerable.Range(0, 32).Where(p => p != 12))
        {
            Assert.True(ids.Select(id => id[position]).Distinct().Count() >= 4, $"hex digit {position} barely varies");
        }
    }

    [Fact]
    public void No_ids_for_an_empty_batch() => Assert.Empty(RowIds.New(0));
}
