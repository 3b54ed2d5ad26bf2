using BackOfficeCloud.Contracts;
using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Outbox;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.ServiceDefaults.Security;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BackOfficeCloud.TestKit.Services;

/// <summary>
/// A service hosted in process (its real Program) against a throwaway PostgreSQL and the Kafka dev broker with every
/// topic created. Events the service consumes are written to the outbox of the same database, as their publishers
/// do, and reach it through the broker; <see cref="Published"/> reads what it publishes.
/// </summary>
/// <param name="schema">The service's schema (its inbox counts the events it applied).</param>
/// <param name="publishedTopics">The topics <see cref="Published"/> reads.</param>
public abstract class InProcessService<TProgram>(string schema, params string[] publishedTopics) : IAsyncLifetime
    where TProgram : class
{
    private readonly PostgresFixture _postgres = new();
    private KafkaFixture? _kafka;
    private WebApplicationFactory<TProgram>? _factory;

    public TopicReader Published { get; private set; } = null!;

    public IServiceProvider Services => Factory.Services;

    private WebApplicationFactory<TProgram> Factory => _factory ?? throw new InvalidOperationException("The service did not start.");

    /// <summary>The service's own settings for the tests (poll intervals, workers …).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Replaces services for the tests (a clock, for instance).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _kafka = new KafkaFixture();
        _kafka.CreateTopics([.. Topics.All]);
        Published = new TopicReader(_kafka.Broker.BootstrapServers, publishedTopics);
        var settings = _postgres.ServiceConfiguration.Concat(_kafka.ServiceConfiguration).Concat(new Dictionary<string, string?>
        {
            ["Messaging:OutboxPollInterval"] = "00:00:00.020",
            ["Messaging:RetryDelay"] = "00:00:00.010",
        }).Concat(Settings);
        _factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            web.ConfigureTestServices(ConfigureTestServices);
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

    /// <summary>An API key of the tenant with the given role and name.</summary>
    public Task<string> NewApiKeyAsync(string tenant, string role = Roles.Planner, string name = "test planner") =>
        Services.GetRequiredService<IdentityStore>().CreateApiKeyAsync(tenant, role, name, CancellationToken.None);

    /// <summary>A gRPC channel that calls with the API key.</summary>
    public GrpcChannel Channel(string apiKey) =>
        GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = new ApiKeyHandler(apiKey, Factory.Server.CreateHandler()) });

    /// <summary>A REST client (JSON transcoding) that calls with the API key.</summary>
    public HttpClient Rest(string apiKey) =>
        new(new ApiKeyHandler(apiKey, Factory.Server.CreateHandler())) { BaseAddress = Factory.Server.BaseAddress };

    /// <summary>Writes the events to the outbox, as their publishers do; the relay sends them to their topics.</summary>
    public Task PublishAsync(string tenant, IReadOnlyList<OutgoingEvent> events) =>
        InTenantAsync(tenant, transaction => Services.GetRequiredService<IEventOutbox>().EnqueueAsync(transaction, events));

    /// <summary>Publishes the events and waits (bounded) until the service applied them all.</summary>
    public async Task PublishAndApplyAsync(string tenant, IReadOnlyList<OutgoingEvent> events)
    {
        var before = await AppliedAsync(tenant);
        await PublishAsync(tenant, events);
        await WaitForAppliedAsync(tenant, before + events.Count);
    }

    /// <summary>Waits (bounded) until the service has applied <paramref name="count"/> events of the tenant.</summary>
    public async Task WaitForAppliedAsync(string tenant, long count) =>
        Assert.True(await Eventually.HoldsAsync(async () => await AppliedAsync(tenant) >= count), $"the service did not apply {count} events of {tenant} in time");

    /// <summary>Events of the tenant the service has applied (its inbox).</summary>
    public async Task<long> AppliedAsync(string tenant) =>
        (await QueryAsync(tenant, $"SELECT count(*) FROM {schema}.inbox", r => r.GetInt64(0)))[0];

    /// <summary>Runs a query in the tenant's transaction (row-level security applies).</summary>
    public Task<List<T>> QueryAsync<T>(string tenant, string sql, Func<NpgsqlDataReader, T> read) =>
        InTenantAsync(tenant, async transaction =>
        {
            await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<T>();
            while (await reader.ReadAsync())
            {
                rows.Add(read(reader));
            }

            return rows;
        });

    /// <summary>Runs <paramref name="work"/> in the tenant's transaction (row-level security applies) and commits it.</summary>
    public Task<T> InTenantAsync<T>(string tenant, Func<NpgsqlTransaction, Task<T>> work) =>
        Services.GetRequiredService<NpgsqlDataSource>().InTenantAsync(tenant, work);

    public Task InTenantAsync(string tenant, Func<NpgsqlTransaction, Task> work) =>
        Services.GetRequiredService<NpgsqlDataSource>().InTenantAsync(tenant, work);
}
