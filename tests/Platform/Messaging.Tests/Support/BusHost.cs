using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Migrations;
using BackOfficeCloud.Messaging.Outbox;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.TestKit.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BackOfficeCloud.Messaging.Tests.Support;

/// <summary>A service as the platform builds one (database, event bus, a handler), on a real Kestrel at 127.0.0.1.</summary>
public sealed class BusHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BusHost(WebApplication app, string schema)
    {
        _app = app;
        Schema = schema;
    }

    public string Schema { get; }

    public IServiceProvider Services => _app.Services;

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Builds without starting: nothing runs until <see cref="StartAsync"/>.</summary>
    public static BusHost Build(
        string appId, IEnumerable<KeyValuePair<string, string?>> configuration, Action<EventBusBuilder> configureBus,
        Action<IServiceCollection>? configureServices = null, string? schema = null)
    {
        schema ??= $"s_{Guid.NewGuid():N}"[..14];
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:MaxRetries"] = "2",
            ["Messaging:RetryDelay"] = "00:00:00.010",
            ["Messaging:OutboxPollInterval"] = "00:00:00.020",
        });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDatabase(schema, MessagingMigrations.Assembly, typeof(BusHost).Assembly);
        configureBus(builder.AddEventBus(appId));
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapEventBus();
        return new BusHost(app, schema);
    }

    public static async Task<BusHost> StartAsync(
        string appId, IEnumerable<KeyValuePair<string, string?>> configuration, Action<EventBusBuilder> configureBus,
        Action<IServiceCollection>? configureServices = null, string? schema = null)
    {
        var host = Build(appId, configuration, configureBus, configureServices, schema);
        await host.StartAsync();
        return host;
    }

    public Task StartAsync() => _app.StartAsync();

    /// <summary>Applies the schema's migrations without starting the host (for tests that drive the parts by hand).</summary>
    public Task MigrateAsync(string ownerConnectionString) =>
        SchemaMigrator.MigrateAsync(ownerConnectionString, Schema, DevInfra.Postgres.LocalPostgres.AppRole, [MessagingMigrations.Assembly, typeof(BusHost).Assembly]);

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public async Task EnqueueAsync(string tenant, IReadOnlyList<OutgoingEvent> events, bool commit = true)
    {
        var (connection, transaction) = await Get<NpgsqlDataSource>().OpenTenantTransactionAsync(tenant);
        await using (connection)
        await using (transaction)
        {
            await Get<IEventOutbox>().EnqueueAsync(transaction, events);
            if (commit)
            {
                await transaction.CommitAsync();
            }
        }
    }

    public Task EnqueueBatchAsync(string tenant, string key, IReadOnlyList<OutgoingEvent> events) =>
        Get<NpgsqlDataSource>().InTenantAsync(tenant, transaction => Get<IEventOutbox>().EnqueueBatchAsync(transaction, key, events));

    /// <summary>Rows in this service's outbox and the events they hold, across tenants (read as the relay reads).</summary>
    public async Task<(long Rows, long Events)> OutboxCountsAsync()
    {
        await using var connection = await Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var count = new NpgsqlCommand(
            $"SELECT set_config('app.outbox_relay', 'on', false); SELECT count(*), coalesce(sum(coalesce(batch_events, 1)), 0)::bigint FROM {Schema}.outbox",
            connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The event ids the handler applied for the tenant, one per applied row.</summary>
    public Task<List<string>> AppliedEventIdsAsync(string tenant) => AppliedAsync(tenant, "event_id");

    /// <summary>Rows the handler wrote for the tenant, by item id.</summary>
    public Task<List<string>> AppliedItemsAsync(string tenant) => AppliedAsync(tenant, "item_id");

    /// <summary>The tenant's applied items in the order the handlers applied them.</summary>
    public Task<List<string>> AppliedItemsInOrderAsync(string tenant) => AppliedAsync(tenant, "item_id", orderBy: "applied_order");

    /// <summary>Waits (bounded) until the tenant has at least <paramref name="count"/> applied rows; returns them.</summary>
    public async Task<List<string>> WaitForAppliedAsync(string tenant, int count, TimeSpan? timeout = null)
    {
        List<string> items = [];
        await Eventually.HoldsAsync(async () => (items = await AppliedItemsAsync(tenant)).Count >= count, timeout);
        return items;
    }

    private Task<List<string>> AppliedAsync(string tenant, string column, string? orderBy = null) =>
        Get<NpgsqlDataSource>().InTenantAsync(tenant, async transaction =>
        {
            await using var select = new NpgsqlCommand($"SELECT {column} FROM {Schema}.applied ORDER BY {orderBy ?? column}", transaction.Connection, transaction);
            await using var reader = await select.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetString(0));
            }

            return values;
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
