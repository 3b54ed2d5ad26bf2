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
            // A service that fails to start is reported with its last lines; the rest of the logs are not needed.
            Log = null,
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
    public Task<string> NewApiKeyAsync(string tenant, string role = Roles.Admin) =>
        WithIdentitiesAsync(identities => identities.CreateApiKeyAsync(tenant, role, "end-to-end test", CancellationToken.None));

    public Task AddUserAsync(string tenant, string email, string password, string role = Roles.Admin) =>
        WithIdentitiesAsync(async identities =>
        {
            await identities.UpsertUserAsync(tenant, email, password, role, "Test user", CancellationToken.None);
            return true;
        });

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

    private async Task<T> WithIdentitiesAsync<T>(Func<IdentityStore, Task<T>> use)
    {
        await using var dataSource = NpgsqlDataSource.Create(Platform.PostgresConnection);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        return await use(new IdentityStore(dataSource, cache));
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
