using BackOfficeCloud.ServiceDefaults.Security;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace BackOfficeCloud.AppHost.Platform;

/// <summary>A portal user and an API key for a tenant, so a fresh local platform can be used at once.</summary>
public static class DevIdentities
{
    public static async Task SeedAsync(string appConnection, string tenant, string email, string password, string apiKey, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(appConnection);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var identities = new IdentityStore(dataSource, cache);
        await identities.UpsertUserAsync(tenant, email, password, Roles.Admin, "Demo admin", cancellationToken).ConfigureAwait(false);
        await identities.RegisterApiKeyAsync(tenant, apiKey, Roles.Admin, "local development", cancellationToken).ConfigureAwait(false);
    }
}
