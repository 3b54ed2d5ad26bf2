using System.Globalization;
using System.Text;
using BackOfficeCloud.AppHost.Platform;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.DevInfra;
using BackOfficeCloud.Messaging.Kafka;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.TestKit;
using BackOfficeCloud.TestKit.Services;
using Confluent.Kafka;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace BackOfficeCloud.Blending.Tests.Support;

/// <summary>
/// The Blending service (its own process) against a throwaway PostgreSQL and the Kafka dev broker. Tests publish
/// Ingestion's and Scheduling's events to the broker as CloudEvents, as those services do, and read
/// <c>blending.decisions</c> back. <see cref="RestartAsync"/> stops the service and starts a new one.
/// </summary>
public sealed class BlendingServiceFixture : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();
    private readonly EnvelopeFactory _envelopes = new("ingestion", TimeProvider.System);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private KafkaFixture? _kafka;
    private IProducer<byte[]?, byte[]>? _producer;
    private NpgsqlDataSource? _dataSource;
    private ServiceProcess? _service;

    public TopicReader Decisions { get; private set; } = null!;

    private ServiceProcess Service => _service ?? throw new InvalidOperationException("The service did not start.");

    private NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("PostgreSQL did not start.");

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _kafka = new KafkaFixture();
        _kafka.CreateTopics([.. Topics.All]);
        KafkaNativeLibrary.EnsureLoaded();
        _producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = _kafka.Broker.BootstrapServers }).Build();
        Decisions = new TopicReader(_kafka.Broker.BootstrapServers, Topics.BlendingDecisions);
        _dataSource = NpgsqlDataSource.Create(_postgres.Server.AppConnectionString);
        _service = await StartAsync();
    }

    public async Task RestartAsync()
    {
        await Service.DisposeAsync();
        _service = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        _producer?.Dispose();
        Decisions?.Dispose();
        _kafka?.Dispose();
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        _cache.Dispose();
        await _postgres.DisposeAsync();
    }

    public Task<string> NewApiKeyAsync(string tenant, string role = Roles.Admin) =>
        new IdentityStore(DataSource, _cache).CreateApiKeyAsync(tenant, role, "blending test", CancellationToken.None);

    public BlendingService.BlendingServiceClient Client(string apiKey) =>
        new(GrpcChannel.ForAddress(Service.Resource.GrpcUrl, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add(PlatformAuthenticationHandler.ApiKeyHeader, apiKey);
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        }));

    /// <summary>Publishes the events to their topics and waits (bounded) until the service has applied them as facts.</summary>
    public async Task PublishAsync(string tenant, params OutgoingEvent[] events)
    {
        var before = await FactsAppliedAsync(tenant);
        foreach (var message in events.Select(_envelopes.Create))
        {
            await _producer!.ProduceAsync(message.Topic, new Message<byte[]?, byte[]> { Key = Encoding.UTF8.GetBytes(message.Key), Value = message.Envelope });
        }

        Assert.True(
            await Eventually.HoldsAsync(async () => await FactsAppliedAsync(tenant) >= before + events.Length),
            $"the service did not apply {events.Length} events of {tenant} in time");
    }

    public async Task<long> FactsAppliedAsync(string tenant)
    {
        var (connection, transaction) = await DataSource.OpenTenantTransactionAsync(tenant);
        await using (connection)
        await using (transaction)
        {
            await using var command = new NpgsqlCommand("SELECT facts_applied FROM blending.tenants", connection, transaction);
            return await command.ExecuteScalarAsync() is long applied ? applied : 0;
        }
    }

    /// <summary>Waits (bounded) for a published decision of the tenant that matches.</summary>
    public Task<BlendingDecisionMade?> PublishedDecisionAsync(string tenant, Func<BlendingDecisionMade, bool> match) =>
        Decisions.WaitForAsync(tenant, EventTypes.BlendingDecisionMade, match);

    // A process, not an in-process host, so that it can be stopped and a new one started within one test run
    // (process-wide state such as metric labels is set once).
    private async Task<ServiceProcess> StartAsync()
    {
        var resource = new ServiceResource(ServiceNames.Blending, "services/Blending", FreePort.Next(), FreePort.Next());
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var binary = Path.Combine(
            PlatformOptions.FindRepositoryRoot(AppContext.BaseDirectory), resource.ProjectFolder, "bin", output.Parent!.Name, output.Name, resource.AssemblyName + ".dll");
        var settings = _postgres.ServiceConfiguration.Concat(_kafka!.ServiceConfiguration).Concat(new Dictionary<string, string?>
        {
            ["Messaging:OutboxPollInterval"] = "00:00:00.020",
            ["Messaging:RetryDelay"] = "00:00:00.010",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Ports:Http"] = resource.HttpPort.ToString(CultureInfo.InvariantCulture),
            ["Ports:Grpc"] = resource.GrpcPort.ToString(CultureInfo.InvariantCulture),
            ["Ports:LoopbackOnly"] = "true",
        });
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var service = ServiceProcess.Start(resource, binary, environment, log: null, nameWidth: 0);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await service.WaitUntilReadyAsync(http, TimeSpan.FromMinutes(2), CancellationToken.None);
        return service;
    }
}

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<BlendingServiceFixture>
{
    public const string Name = "blending service";
}
