using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Outbox;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.TestKit;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Tests.Support;

/// <summary>
/// The Scheduling service hosted in process (its real Program) against a throwaway PostgreSQL and the Kafka dev
/// broker. The events the service consumes (forecasts, roster, work items) are written to the outbox of the same
/// database, as their publishers do, and reach the service through the broker.
/// </summary>
public sealed class SchedulingServiceFixture : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();
    private KafkaFixture? _kafka;
    private WebApplicationFactory<Program>? _factory;

    public TopicReader Published { get; private set; } = null!;

    public IServiceProvider Services => Factory.Services;

    private WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The service did not start.");

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _kafka = new KafkaFixture();
        _kafka.CreateTopics([.. Topics.All]);
        Published = new TopicReader(_kafka.Broker.BootstrapServers);
        var settings = _postgres.ServiceConfiguration.Concat(_kafka.ServiceConfiguration).Concat(new Dictionary<string, string?>
        {
            ["Messaging:OutboxPollInterval"] = "00:00:00.020",
            ["Messaging:RetryDelay"] = "00:00:00.010",
            ["Scheduling:Jobs:PollInterval"] = "00:00:00.200",
            ["Scheduling:Jobs:StaleAfter"] = "00:00:30",
        });
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Published?.Dispose();
        _kafka?.Dispose();
        await _postgres.DisposeAsync();
    }

    public async Task<SchedulingService.SchedulingServiceClient> ClientAsync(string tenant, string role = Roles.Planner) =>
        new(GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = await AuthenticatedAsync(tenant, role) }));

    /// <summary>A REST client (JSON transcoding) of the tenant.</summary>
    public async Task<HttpClient> RestAsync(string tenant, string role = Roles.Planner) =>
        new(await AuthenticatedAsync(tenant, role)) { BaseAddress = Factory.Server.BaseAddress };

    private async Task<HttpMessageHandler> AuthenticatedAsync(string tenant, string role)
    {
        var key = await Services.GetRequiredService<IdentityStore>().CreateApiKeyAsync(tenant, role, "test planner", CancellationToken.None);
        return new ApiKeyHandler(key, Factory.Server.CreateHandler());
    }

    /// <summary>Writes the events to the outbox, as their publishers do, and waits (bounded) until the service applied them all.</summary>
    public async Task PublishAndApplyAsync(string tenant, IReadOnlyList<OutgoingEvent> events)
    {
        var before = await AppliedAsync(tenant);
        await InTenantAsync(tenant, transaction => Services.GetRequiredService<IEventOutbox>().EnqueueAsync(transaction, events), commit: true);
        var applied = await EventuallyAsync(async () => await AppliedAsync(tenant) >= before + events.Count);
        Assert.True(applied, $"the service did not apply the {events.Count} events of {tenant} in time");
    }

    /// <summary>Events of the tenant the service has applied (its inbox).</summary>
    private Task<long> AppliedAsync(string tenant) => InTenantAsync(tenant, async transaction =>
    {
        await using var count = new NpgsqlCommand("SELECT count(*) FROM scheduling.inbox", transaction.Connection, transaction);
        return (long)(await count.ExecuteScalarAsync())!;
    });

    /// <summary>Runs <paramref name="work"/> in the tenant's transaction (row-level security applies).</summary>
    public async Task<T> InTenantAsync<T>(string tenant, Func<NpgsqlTransaction, Task<T>> work, bool commit = false)
    {
        var (connection, transaction) = await Services.GetRequiredService<NpgsqlDataSource>().OpenTenantTransactionAsync(tenant);
        await using (connection)
        await using (transaction)
        {
            var result = await work(transaction);
            if (commit)
            {
                await transaction.CommitAsync();
            }

            return result;
        }
    }

    public async Task InTenantAsync(string tenant, Func<NpgsqlTransaction, Task> work, bool commit = false) =>
        await InTenantAsync(tenant, async t => { await work(t); return true; }, commit);

    /// <summary>Polls (bounded) until <paramref name="done"/> holds.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (await done())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}

[CollectionDefinition(Name)]
public sealed class SchedulingCollection : ICollectionFixture<SchedulingServiceFixture>
{
    public const string Name = "scheduling service";
}
