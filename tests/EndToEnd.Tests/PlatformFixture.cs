using BackOfficeCloud.AppHost.Platform;
using BackOfficeCloud.ServiceDefaults.Security;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace BackOfficeCloud.EndToEnd.Tests;

/// <summary>The whole platform started the way AppHost starts it, on free ports, with a throwaway PostgreSQL.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly StringWriter _log = new();

    private PlatformHost? _platform;

    public PlatformHost Platform => _platform ?? throw new InvalidOperationException("The platform did not start.");

    public async Task InitializeAsync()
    {
        var options = new PlatformOptions
        {
            RepositoryRoot = PlatformOptions.FindRepositoryRoot(AppContext.BaseDirectory),
            Services = PlatformOptions.ServicesOnFreePorts(),
            BuildConfiguration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name,
            PostgresPort = 0,
            Log = TextWriter.Synchronized(_log),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _platform = await PlatformHost.StartAsync(options, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    /// <summary>A new tenant with an API key of the given role.</summary>
    public async Task<string> NewApiKeyAsync(string tenant, string role = Roles.Admin)
    {
        await using var dataSource = NpgsqlDataSource.Create(Platform.PostgresConnection);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        return await new IdentityStore(dataSource, cache).CreateApiKeyAsync(tenant, role, "end-to-end test", CancellationToken.None);
    }

    public async Task AddUserAsync(string tenant, string email, string password, string role = Roles.Admin)
    {
        await using var dataSource = NpgsqlDataSource.Create(Platform.PostgresConnection);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        await new IdentityStore(dataSource, cache).UpsertUserAsync(tenant, email, password, role, "Test user", CancellationToken.None);
    }

    public HttpClient Rest(string service, string apiKey)
    {
        var client = new HttpClient { BaseAddress = Platform.Service(service).HttpUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(PlatformAuthenticationHandler.ApiKeyHeader, apiKey);
        return client;
    }

    public GrpcChannel Grpc(string service, string apiKey) =>
        GrpcChannel.ForAddress(Platform.Service(service).GrpcUrl, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add(PlatformAuthenticationHandler.ApiKeyHeader, apiKey);
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });

    /// <summary>What the services printed, for a failing test's message.</summary>
    public string Log => _log.ToString();
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
