using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Messaging.Tests.Support;
using BackOfficeCloud.TestKit;

namespace BackOfficeCloud.Messaging.Tests.Consuming;

[Collection(PlatformCollection.Name)]
public class IdempotentConsumptionTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Topic = "ingestion.workitems";
    private BusHost _host = null!;

    public async Task InitializeAsync()
    {
        var configuration = new Dictionary<string, string?>(postgres.ServiceConfiguration) { ["Messaging:Transport"] = "dapr" };
        _host = BusHost.Build("analytics", configuration, bus => bus.Handles<Events.WorkItemReceived, RecordingHandler>(Topic, TestEvents.WorkItemReceived));
        await _host.MigrateAsync(postgres.Server.OwnerConnectionString);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_redelivered_event_is_applied_once()
    {
        var tenant = UniqueTenant.Next();
        var events = Received(tenant, 5);

        await _host.Get<EventDispatcher>().ApplyAsync(events, CancellationToken.None);
        await _host.Get<EventDispatcher>().ApplyAsync([events[2], events[4]], CancellationToken.None);
        await _host.Get<EventDispatcher>().ApplyAsync([events[0], events[0]], CancellationToken.None);

        Assert.Equal(["item-0", "item-1", "item-2", "item-3", "item-4"], await _host.AppliedItemsAsync(tenant));
    }

    [Fact]
    public async Task A_batch_mixing_redelivered_and_new_events_applies_the_new_ones_and_keeps_the_other_tenants_work()
    {
        var a = UniqueTenant.Next("a");
        var b = UniqueTenant.Next("b");
        var eventsOfA = Received(a, 3);
        await _host.Get<EventDispatcher>().ApplyAsync([eventsOfA[0]], CancellationToken.None);

        // b's ids are all new (recorded by the plain insert), a's partly redelivered (its insert fails on the key and the
        // ids are claimed one by one): rolling back a's attempt must not undo b's.
        await _host.Get<EventDispatcher>().ApplyAsync([.. Received(b, 2), .. eventsOfA], CancellationToken.None);

        Assert.Equal(["item-0", "item-1", "item-2"], await _host.AppliedItemsAsync(a));
        Assert.Equal(["item-0", "item-1"], await _host.AppliedItemsAsync(b));
    }

    [Fact]
    public async Task A_failing_handler_leaves_no_inbox_record_so_the_retry_applies_the_event()
    {
        var tenant = UniqueTenant.Next();
        var poison = Envelope(TestEvents.Item(Topic, tenant, "item-p", RecordingHandler.Poison));
        var good = Received(tenant, 2);

        var stillPoison = await _host.Get<ResilientApplier>().ApplyAsync([good[0], poison, good[1]], CancellationToken.None);

        Assert.Equal([poison], stillPoison.Select(p => p.Received));
        Assert.IsType<InvalidOperationException>(stillPoison[0].Error);
        Assert.Equal(["item-0", "item-1"], await _host.AppliedItemsAsync(tenant));
    }

    [Fact]
    public async Task Events_of_several_tenants_land_each_in_its_own_tenant()
    {
        var a = UniqueTenant.Next("a");
        var b = UniqueTenant.Next("b");

        await _host.Get<EventDispatcher>().ApplyAsync([.. Received(a, 2), .. Received(b, 3)], CancellationToken.None);

        Assert.Equal(2, (await _host.AppliedItemsAsync(a)).Count);
        Assert.Equal(3, (await _host.AppliedItemsAsync(b)).Count);
    }

    private static List<ReceivedEvent> Received(string tenant, int count) =>
        TestEvents.Items(Topic, tenant, count).ConvertAll(Envelope);

    private static ReceivedEvent Envelope(OutgoingEvent outgoing) =>
        new(Topic, CloudEventJson.Parse(new EnvelopeFactory("ingestion", TimeProvider.System).Create(outgoing).Envelope));
}
