using System.Text;
using System.Text.Json;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Messaging.Tests.Events;
using BackOfficeCloud.Messaging.Tests.Support;

namespace BackOfficeCloud.Messaging.Tests.Envelope;

public class CloudEventJsonTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 29, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public void An_event_survives_a_round_trip()
    {
        var original = new CloudEvent("e-1", "ingestion", TestEvents.WorkItemReceived, Now, "acme", "item-7",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", """{"itemId":"item-7","effortMinutes":12}""");

        var parsed = CloudEventJson.Parse(CloudEventJson.Serialize(original));

        Assert.Equal(original, parsed);
    }

    [Fact]
    public void Event_ids_are_distinct_UUIDv7_stamped_with_the_event_time()
    {
        var factory = new EnvelopeFactory("ingestion", new FixedTime(Now));

        // More ids than one refill of the per-thread random buffer holds.
        var ids = Enumerable.Range(0, 1000).Select(i => CloudEventJson.Parse(factory.Create(TestEvents.Item("t", "acme", $"item-{i}")).Envelope).Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id =>
        {
            Assert.Equal(7, Guid.Parse(id).Version);
            Assert.Equal(Now.ToUnixTimeMilliseconds(), Convert.ToInt64(id.Replace("-", "", StringComparison.Ordinal)[..12], 16));
        });
    }

    [Fact]
    public void The_envelope_has_the_attributes_Dapr_writes_and_the_payload_in_proto_JSON()
    {
        var factory = new EnvelopeFactory("ingestion", new FixedTime(Now));
        var message = factory.Create(TestEvents.Item("ingestion.workitems", "acme", "item-7"));

        using var json = JsonDocument.Parse(message.Envelope);
        var root = json.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("ingestion", root.GetProperty("source").GetString());
        Assert.Equal(TestEvents.WorkItemReceived, root.GetProperty("type").GetString());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal("acme", root.GetProperty("tenantid").GetString());
        Assert.Equal(Now, root.GetProperty("time").GetDateTimeOffset());
        Assert.True(Guid.TryParse(root.GetProperty("id").GetString(), out _));
        Assert.Equal("item-7", root.GetProperty("data").GetProperty("itemId").GetString());
        Assert.Equal(12, root.GetProperty("data").GetProperty("effortMinutes").GetInt32());
        Assert.Equal("acme:item-7", message.Key);
    }

    [Fact]
    public void An_event_as_Dapr_delivers_it_is_read_with_its_extensions_and_payload()
    {
        // What daprd posts to a subscription route (and writes to Kafka) for a CloudEvent published with tenantid.
        var fromDapr = """
            {"data":{"itemId":"item-9","effortMinutes":30,"deadline":"2026-03-29T09:00:00Z"},"datacontenttype":"application/json",
             "id":"5929aaac-a5e2-4ca1-859c-edfe73f11565","pubsubname":"pubsub","source":"ingestion","specversion":"1.0",
             "tenantid":"acme","time":"2026-03-29T01:30:00Z","topic":"ingestion.workitems",
             "traceid":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
             "traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01","tracestate":"",
             "type":"backoffice.tests.v1.WorkItemReceived"}
            """;

        var parsed = CloudEventJson.Parse(Encoding.UTF8.GetBytes(fromDapr));
        var payload = ProtoJson.Parse<WorkItemReceived>(parsed.Data);

        Assert.Equal("5929aaac-a5e2-4ca1-859c-edfe73f11565", parsed.Id);
        Assert.Equal("acme", parsed.TenantId);
        Assert.Equal(Now, parsed.Time);
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", parsed.TraceParent);
        Assert.Equal("item-9", payload.ItemId);
        Assert.Equal(30, payload.EffortMinutes);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 9, 0, 0, TimeSpan.Zero), payload.Deadline.ToDateTimeOffset());
    }

    [Theory]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"t","data":{}}""", "tenantid")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"t","tenantid":"Not Valid","data":{}}""", "tenantid")]
    [InlineData("""{"specversion":"0.3","id":"1","source":"s","type":"t","tenantid":"acme","data":{}}""", "specversion")]
    [InlineData("""{"specversion":"1.0","source":"s","type":"t","tenantid":"acme","data":{}}""", "'id'")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"t","tenantid":"acme"}""", "data")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"t","tenantid":"acme","data":"text"}""", "data")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"s","type":"t","tenantid":"acme","time":"yesterday","data":{}}""", "time")]
    [InlineData("""not json""", "not JSON")]
    public void An_envelope_the_platform_cannot_apply_is_refused_naming_the_attribute(string json, string named)
    {
        var ex = Assert.Throws<FormatException>(() => CloudEventJson.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_without_an_entity_id_is_refused_naming_the_field()
    {
        var factory = new EnvelopeFactory("ingestion", TimeProvider.System);

        var ex = Assert.Throws<ArgumentException>(() => factory.Create(TestEvents.Item("ingestion.workitems", "acme", " ")));

        Assert.Equal("EntityId", ex.ParamName);
    }
}
