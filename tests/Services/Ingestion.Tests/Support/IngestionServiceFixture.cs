using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.TestKit;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BackOfficeCloud.Ingestion.Tests.Support;

/// <summary>The Ingestion service hosted in process (its real Program) against a throwaway PostgreSQL and the Kafka dev broker.</summary>
public sealed class IngestionServiceFixture : IAsyncLifetime
{
    /// <summary>Small chunks, so that files of a few hundred rows span several transactions.</summary>
    public const int ChunkRows = 50;

    private readonly PostgresFixture _postgres = new();
    private KafkaFixture? _kafka;
    private WebApplicationFactory<Program>? _factory;

    public IServiceProvider Services => Factory.Services;

    public string KafkaBootstrapServers => _kafka!.Broker.BootstrapServers;

    private WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The service did not start.");

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _kafka = new KafkaFixture();
        _kafka.CreateTopics([.. Topics.All]);
        var settings = _postgres.ServiceConfiguration.Concat(_kafka.ServiceConfiguration).Concat(new Dictionary<string, string?>
        {
            ["Messaging:OutboxPollInterval"] = "00:00:00.020",
            ["Ingestion:ImportChunkRows"] = ChunkRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ingestion:MaxBatchRecords"] = "1000",
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

        _kafka?.Dispose();
        await _postgres.DisposeAsync();
    }

    public async Task<IngestionService.IngestionServiceClient> ClientAsync(string tenant, string role = Roles.Admin) =>
        new(GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = await HandlerAsync(tenant, role) }));

    public async Task<HttpClient> RestAsync(string tenant, string role = Roles.Admin) =>
        new(await HandlerAsync(tenant, role)) { BaseAddress = Factory.Server.BaseAddress };

    /// <summary>Runs a query in the tenant's transaction (row-level security applies).</summary>
    public async Task<T> QueryAsync<T>(string tenant, string sql)
    {
        var (connection, transaction) = await Services.GetRequiredService<NpgsqlDataSource>().OpenTenantTransactionAsync(tenant);
        await using (connection)
        await using (transaction)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            return (T)(await command.ExecuteScalarAsync())!;
        }
    }

    public async Task<List<T>> ColumnAsync<T>(string tenant, string sql)
    {
        var (connection, transaction) = await Services.GetRequiredService<NpgsqlDataSource>().OpenTenantTransactionAsync(tenant);
        await using (connection)
        await using (transaction)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<T>();
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetFieldValue<T>(0));
            }

            return values;
        }
    }

    private async Task<HttpMessageHandler> HandlerAsync(string tenant, string role)
    {
        var key = await Services.GetRequiredService<IdentityStore>().CreateApiKeyAsync(tenant, role, "ingestion test", CancellationToken.None);
        return new ApiKeyHandler(key, Factory.Server.CreateHandler());
    }
}

[CollectionDefinition(Name)]
public sealed class IngestionCollection : ICollectionFixture<IngestionServiceFixture>
{
    public const string Name = "ingestion service";
}
