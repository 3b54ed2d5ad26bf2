using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Messaging.Tests.Events;
using BackOfficeCloud.Messaging.Tests.Support;

namespace BackOfficeCloud.Messaging.Tests.Envelope;

public class CloudEventBatchTests
{
    private const string Topic = "ingestion.workitems";
    private static readonly DateTimeOffset Now = new(2026, 3, 29, 1, 30, 0, TimeSpan.Zero);
    private readonly EnvelopeFactory _factory = new("ingestion", new FixedTime(Now));

    [Fact]
    public void Events_are_split_by_count_and_each_keeps_its_own_envelope_in_order()
    {
        var batches = _factory.CreateBatches("acme:items", TestEvents.Items(Topic, "acme", 7), maxEvents: 3, maxBytes: 1 << 20);

        Assert.Equal([3, 3, 1], batches.Select(b => b.BatchEvents));
        Assert.All(batches, b => Assert.True(b.IsBatch));
        Assert.All(batches, b => Assert.Equal("acme:items", b.Key));
        var events = batches.SelectMany(b => CloudEventBatch.Parse(b.Envelope)).ToList();
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"item-{i}"), events.Select(e => ProtoJson.Parse<WorkItemReceived>(e.Data).ItemId));
        Assert.Equal(7, events.Select(e => e.Id).Distinct().Count());
        Assert.All(events, e => Assert.Equal(("acme", TestEvents.WorkItemReceived, Now), (e.TenantId, e.Type, e.Time)));
    }

    [Fact]
    public void Events_are_split_by_size_and_an_event_larger_than_the_limit_goes_alone()
    {
        var events = TestEvents.Items(Topic, "acme", 5);
        var oneEvent = _factory.Create(events[0]).Envelope.Length;
        var twoEvents = 2 + oneEvent + 1 + oneEvent; // [a,b]

        var byTwo = _factory.CreateBatches("acme:items", events, maxEvents: 100, maxBytes: twoEvents);
        var alone = _factory.CreateBatches("acme:items", events, maxEvents: 100, maxBytes: 10);

        Assert.Equal([2, 2, 1], byTwo.Select(b => b.BatchEvents));
        Assert.All(byTwo, b => Assert.InRange(b.Envelope.Length, 0, twoEvents));
        Assert.Equal(twoEvents, byTwo[0].Envelope.Length);
        Assert.Equal([1, 1, 1, 1, 1], alone.Select(b => b.BatchEvents));
    }

    [Theory]
    [InlineData("other-tenant", Topic, "TenantId")]
    [InlineData("acme", "other.topic", "Topic")]
    public void A_batch_mixing_tenants_or_topics_is_refused_naming_the_field(string tenant, string topic, string field)
    {
        List<OutgoingEvent> events = [TestEvents.Item(Topic, "acme", "item-0"), TestEvents.Item(topic, tenant, "item-1")];

        var error = Assert.Throws<ArgumentException>(() => _factory.CreateBatches("acme:items", events, 10, 1 << 20));

        Assert.Contains($"has {field} '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_without_a_key_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => _factory.CreateBatches(" ", TestEvents.Items(Topic, "acme", 2), 10, 1 << 20));

        Assert.Equal("key", error.ParamName);
    }

    [Theory]
    [InlineData("[]", true)]
    [InlineData(" \r\n\t[{\"specversion\":\"1.0\"}]", true)]
    [InlineData("""{"specversion":"1.0","data":[1]}""", false)]
    [InlineData(" ", false)]
    public void A_batch_is_told_from_one_event_by_its_JSON_array(string json, bool isBatch)
    {
        Assert.Equal(isBatch, CloudEventBatch.IsBatch(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("""{"specversion":"1.0"}""")]
    [InlineData("""[{"specversion":"1.0"}""")]
    [InlineData("""[{"specversion":"1.0","id":"e-1","source":"s","type":"t","tenantid":"acme"}]""")]
    public void A_malformed_batch_is_refused(string json)
    {
        Assert.Throws<FormatException>(() => CloudEventBatch.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
    }
}
