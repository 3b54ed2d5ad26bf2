using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Outbox;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Messaging.Tests.Events;
using BackOfficeCloud.Messaging.Tests.Support;
using BackOfficeCloud.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOfficeCloud.Messaging.Tests.Outbox;

[Collection(PlatformCollection.Name)]
public class OutboxRelayTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Topic = "ingestion.workitems";
    private readonly RecordingTransport _transport = new();
    private BusHost _host = null!;

    public async Task InitializeAsync()
    {
        // Built, not started: the relay is driven by hand. The dapr transport needs no broker; the recorder replaces it.
        var configuration = new Dictionary<string, string?>(postgres.ServiceConfiguration) { ["Messaging:Transport"] = "dapr", ["Messaging:OutboxBatchSize"] = "7" };
        _host = BusHost.Build("ingestion", configuration, bus => bus.Publishes(Topic), services => services.AddSingleton<IEventTransport>(_transport));
        await _host.MigrateAsync(postgres.Server.OwnerConnectionString);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Committed_events_are_published_once_in_order_and_rolled_back_ones_never()
    {
        var tenant = UniqueTenant.Next();
        await _host.EnqueueAsync(tenant, TestEvents.Items(Topic, tenant, 3, "rolled-back"), commit: false);
        await _host.EnqueueAsync(tenant, TestEvents.Items(Topic, tenant, 20));

        var published = await RelayAllAsync(_host.Get<OutboxRelay>());

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"item-{i}"), published.Select(ItemId));
        Assert.All(published, m => Assert.Equal($"{tenant}:{ItemId(m)}", m.Key));
        Assert.Equal(0, await _host.Get<OutboxRelay>().RelayTurnAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Events_enqueued_together_share_outbox_rows_yet_go_out_one_message_each_in_order_under_their_own_keys()
    {
        var tenant = UniqueTenant.Next();
        List<OutgoingEvent> events = [.. TestEvents.Items(Topic, tenant, 2500), TestEvents.Item("other.topic", tenant, "other-0"), TestEvents.Item(Topic, tenant, "last")];

        await _host.EnqueueAsync(tenant, events);

        // Packed up to 64 KB a row (about 210 of these 300-byte envelopes), then a row of its own for each change of topic.
        var (rows, held) = await _host.OutboxCountsAsync();
        Assert.Equal(2502L, held);
        Assert.InRange(rows, (2500 / 250) + 2, (2500 / 150) + 2);
        var published = await RelayAllAsync(_host.Get<OutboxRelay>());
        Assert.Equal(events.Select(e => e.Key), published.Select(m => m.Key));
        Assert.Equal(events.Select(e => e.Topic), published.Select(m => m.Topic));
        Assert.Equal(events.Select(e => e.EntityId), published.Select(ItemId));
        Assert.All(published, m => Assert.False(m.IsBatch));
        Assert.Equal(2502, published.Select(m => CloudEventJson.Parse(m.Envelope).Id).Distinct().Count());
        Assert.Equal((0L, 0L), await _host.OutboxCountsAsync());
    }

    [Fact]
    public async Task A_batch_row_is_published_as_one_message_and_counts_its_events_against_the_relay_batch_size()
    {
        var tenant = UniqueTenant.Next();
        await _host.EnqueueBatchAsync(tenant, $"{tenant}:items", TestEvents.Items(Topic, tenant, 10, "batched"));
        await _host.EnqueueAsync(tenant, TestEvents.Items(Topic, tenant, 3, "single"));
        var relay = ActivatorUtilities.CreateInstance<OutboxRelay>(_host.Services, Options.Create(new MessagingOptions { OutboxBatchSize = 7, OutboxBatchesPerTurn = 1 }));

        var first = await relay.RelayTurnAsync(CancellationToken.None);
        var batch = Assert.Single(_transport.Published);
        var second = await relay.RelayTurnAsync(CancellationToken.None);

        // OutboxBatchSize is 7 events here: the 10-event row goes alone (a first row always goes), the singles after it.
        Assert.Equal((10, 3), (first, second));
        Assert.Equal(10, batch.BatchEvents);
        Assert.Equal($"{tenant}:items", batch.Key);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"batched-{i}"), CloudEventBatch.Parse(batch.Envelope).Select(e => ProtoJson.Parse<WorkItemReceived>(e.Data).ItemId));
        Assert.Equal(4, _transport.Published.Count);
        Assert.All(_transport.Published.Skip(1), m => Assert.False(m.IsBatch));
    }

    [Fact]
    public async Task A_turn_publishes_batch_after_batch_in_outbox_order_in_one_transaction()
    {
        var tenant = UniqueTenant.Next();
        for (var i = 0; i < 15; i++)
        {
            await _host.EnqueueAsync(tenant, [TestEvents.Item(Topic, tenant, $"item-{i}")]);
        }

        var published = await _host.Get<OutboxRelay>().RelayTurnAsync(CancellationToken.None);

        // OutboxBatchSize is 7 events: three batches, each published only after the one before
        Assert.Equal(15, published);
        Assert.Equal([7, 7, 1], _transport.CallSizes);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"item-{i}"), _transport.Published.Select(ItemId));
        Assert.Equal((0L, 0L), await _host.OutboxCountsAsync());
    }

    [Fact]
    public async Task A_failure_in_any_batch_of_a_turn_leaves_the_whole_turn_in_the_outbox()
    {
        var tenant = UniqueTenant.Next();
        for (var i = 0; i < 15; i++)
        {
            await _host.EnqueueAsync(tenant, [TestEvents.Item(Topic, tenant, $"item-{i}")]);
        }

        _transport.FailFromCall = 3;
        await Assert.ThrowsAsync<TimeoutException>(() => _host.Get<OutboxRelay>().RelayTurnAsync(CancellationToken.None));

        Assert.Equal([7, 7], _transport.CallSizes);
        Assert.Equal((15L, 15L), await _host.OutboxCountsAsync());
        _transport.FailFromCall = null;
        var published = await RelayAllAsync(_host.Get<OutboxRelay>());
        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"item-{i}"), published.Skip(14).Select(ItemId));
    }

    [Fact]
    public async Task Events_stay_in_the_outbox_while_the_broker_fails_and_go_out_after_a_restart()
    {
        var tenant = UniqueTenant.Next();
        await _host.EnqueueAsync(tenant, TestEvents.Items(Topic, tenant, 10));
        _transport.Failing = true;

        await Assert.ThrowsAsync<TimeoutException>(() => _host.Get<OutboxRelay>().RelayTurnAsync(CancellationToken.None));

        _transport.Failing = false;
        var restarted = ActivatorUtilities.CreateInstance<OutboxRelay>(_host.Services);
        var published = await RelayAllAsync(restarted);
        Assert.Equal(10, published.Count);
        Assert.Equal(10, published.Select(m => CloudEventJson.Parse(m.Envelope).Id).Distinct().Count());
    }

    [Fact]
    public async Task Relays_running_at_once_never_publish_an_event_twice()
    {
        var tenant = UniqueTenant.Next();
        await _host.EnqueueAsync(tenant, TestEvents.Items(Topic, tenant, 200));
        var relays = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<OutboxRelay>(_host.Services)).ToList();

        await Task.WhenAll(relays.Select(RelayAllAsync));

        var ids = _transport.Published.Select(m => CloudEventJson.Parse(m.Envelope).Id).ToList();
        Assert.Equal(200, ids.Count);
        Assert.Equal(200, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_relay_waits_while_another_has_the_turn()
    {
        var tenant = UniqueTenant.Next();
        await _host.EnqueueAsync(tenant, TestEvents.Items(Topic, tenant, 5));
        await using var other = await _host.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var turn = new NpgsqlCommand($"SELECT pg_advisory_lock(hashtextextended('{_host.Schema}.outbox', 0))", other);
        await turn.ExecuteNonQueryAsync();

        Assert.Equal(0, await _host.Get<OutboxRelay>().RelayTurnAsync(CancellationToken.None));

        await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", other);
        await release.ExecuteNonQueryAsync();
        Assert.Equal(5, await _host.Get<OutboxRelay>().RelayTurnAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_relay_role_cannot_be_used_to_write_another_tenants_outbox_rows()
    {
        var (connection, transaction) = await _host.Get<NpgsqlDataSource>().OpenTenantTransactionAsync(UniqueTenant.Next());
        await using (connection)
        {
            var other = TestEvents.Item(Topic, UniqueTenant.Next(), "forged");

            var ex = await Assert.ThrowsAsync<PostgresException>(() => _host.Get<IEventOutbox>().EnqueueAsync(transaction, other));

            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
    }

    private static string ItemId(OutboundMessage message) =>
        ProtoJson.Parse<WorkItemReceived>(CloudEventJson.Parse(message.Envelope).Data).ItemId;

    private async Task<List<OutboundMessage>> RelayAllAsync(OutboxRelay relay)
    {
        while (await relay.RelayTurnAsync(CancellationToken.None) > 0)
        {
        }

        return [.. _transport.Published];
    }
}
