using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Outbox;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.TestKit;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Tests.Support;

/// <summary>
/// The Forecasting service hosted in process (its real Program) against a throwaway PostgreSQL and the Kafka dev
/// broker, with a clock the tests can set. Ingestion events are written to an outbox in the same database and reach
/// the service through the broker like Ingestion's own.
/// </summary>
public sealed class ForecastingServiceFixture : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();
    private KafkaFixture? _kafka;
    private WebApplicationFactory<Program>? _factory;

    public TestClock Clock { get; } = new();

    public PublishedForecasts Published { get; private set; } = null!;

    public IServiceProvider Services => Factory.Services;

    private WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The service did not start.");

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _kafka = new KafkaFixture();
        _kafka.CreateTopics([.. Topics.All]);
        Published = new PublishedForecasts(_kafka.Broker.BootstrapServers);
        var settings = _postgres.ServiceConfiguration.Concat(_kafka.ServiceConfiguration).Concat(new Dictionary<string, string?>
        {
            ["Messaging:OutboxPollInterval"] = "00:00:00.020",
            ["Messaging:RetryDelay"] = "00:00:00.010",
            // the tests drive the reforecast scheduler themselves
            ["Forecasting:SchedulerTick"] = "01:00:00",
            ["Forecasting:Workers"] = "2",
        });
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        _ = _factory.Server;
        await Task.CompletedTask;
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

    public ForecastingService.ForecastingServiceClient Client(string apiKey) =>
        new(GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = new ApiKeyHandler(apiKey, Factory.Server.CreateHandler()) }));

    public HttpClient Rest(string apiKey) =>
        new(new ApiKeyHandler(apiKey, Factory.Server.CreateHandler())) { BaseAddress = Factory.Server.BaseAddress };

    /// <summary>Writes the events to the outbox (as Ingestion does); the relay sends them to their topics.</summary>
    public async Task PublishAsync(string tenant, IReadOnlyList<OutgoingEvent> events)
    {
        var (connection, transaction) = await Services.GetRequiredService<NpgsqlDataSource>().OpenTenantTransactionAsync(tenant);
        await using (connection)
        await using (transaction)
        {
            await Services.GetRequiredService<IEventOutbox>().EnqueueAsync(transaction, events);
            await transaction.CommitAsync();
        }
    }

    /// <summary>Waits (bounded) until the service has applied <paramref name="count"/> events of the tenant (its inbox).</summary>
    public async Task WaitForAppliedAsync(string tenant, int count)
    {
        var applied = await EventuallyAsync(async () =>
            (await QueryAsync(tenant, "SELECT count(*) FROM forecasting.inbox", r => r.GetInt64(0)))[0] >= count);
        Assert.True(applied, $"the service did not apply {count} events of {tenant} in time");
    }

    /// <summary>Runs a query in the tenant's transaction (row-level security applies).</summary>
    public async Task<List<T>> QueryAsync<T>(string tenant, string sql, Func<NpgsqlDataReader, T> read)
    {
        var (connection, transaction) = await Services.GetRequiredService<NpgsqlDataSource>().OpenTenantTransactionAsync(tenant);
        await using (connection)
        await using (transaction)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<T>();
            while (await reader.ReadAsync())
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }

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

        return await done();
    }
}

[CollectionDefinition(Name)]
public sealed class ForecastingCollection : ICollectionFixture<ForecastingServiceFixture>
{
    public const string Name = "forecasting service";
}
