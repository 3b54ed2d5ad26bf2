using BackOfficeCloud.Data;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace BackOfficeCloud.ServiceDefaults.Security;

public sealed record CallerIdentity(string TenantId, string Role);

/// <summary>Resolves API keys (cached briefly, so a revoked key stops working within a minute) and portal users.</summary>
public sealed class IdentityStore(NpgsqlDataSource dataSource, IMemoryCache cache)
{
    public const string Schema = "identity";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    public async Task<CallerIdentity?> ResolveApiKeyAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(key);
        var cacheKey = "apikey:" + Convert.ToHexString(hash);
        if (cache.TryGetValue(cacheKey, out CallerIdentity? cached))
        {
            return cached;
        }

        await using var command = dataSource.CreateCommand($"SELECT tenant_id, role FROM {Schema}.resolve_api_key($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var identity = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new CallerIdentity(reader.GetString(0), reader.GetString(1))
            : null;
        cache.Set(cacheKey, identity, CacheFor);
        return identity;
    }

    /// <summary>Creates an API key for a tenant and returns it: the only time the key itself is seen.</summary>
    public async Task<string> CreateApiKeyAsync(string tenantId, string role, string name, CancellationToken cancellationToken)
    {
        EnsureRole(role);
        var (key, hash, prefix) = ApiKeys.Generate();
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        await using (connection)
        {
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {Schema}.api_keys (tenant_id, key_hash, prefix, role, name) VALUES ($1, $2, $3, $4, $5)", connection, transaction);
            foreach (var value in new object[] { tenantId, hash, prefix, role, name })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return key;
    }

    public async Task<(CallerIdentity Identity, string PasswordHash, string DisplayName)?> FindUserAsync(string email, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT tenant_id, password_hash, role, display_name FROM {Schema}.find_user($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = email });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (new CallerIdentity(reader.GetString(0), reader.GetString(2)), reader.GetString(1), reader.GetString(3))
            : null;
    }

    /// <summary>Adds or replaces a portal user; <paramref name="passwordHash"/> comes from ASP.NET's PasswordHasher.</summary>
    public async Task UpsertUserAsync(string tenantId, string email, string passwordHash, string role, string displayName, CancellationToken cancellationToken)
    {
        EnsureRole(role);
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        await using (connection)
        {
            await using var upsert = new NpgsqlCommand(
                $"""
                INSERT INTO {Schema}.users (tenant_id, email, password_hash, role, display_name) VALUES ($1, lower($2), $3, $4, $5)
                ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, display_name = excluded.display_name
                """, connection, transaction);
            foreach (var value in new object[] { tenantId, email, passwordHash, role, displayName })
            {
                upsert.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void EnsureRole(string role)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Role '{role}' is not one of {string.Join(", ", Roles.All)}.", nameof(role));
        }
    }
}
