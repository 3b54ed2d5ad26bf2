using BackOfficeCloud.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace BackOfficeCloud.ServiceDefaults.Security;

/// <param name="Name">The API key's name (its prefix when unnamed); null for a service acting for the tenant.</param>
public sealed record CallerIdentity(string TenantId, string Role, string? Name = null);

/// <summary>Resolves API keys (cached briefly, so a revoked key stops working within a minute) and portal users.</summary>
public sealed class IdentityStore(NpgsqlDataSource dataSource, IMemoryCache cache)
{
    public const string Schema = "identity";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private static readonly PasswordHasher<CallerIdentity> Passwords = new();

    public async Task<CallerIdentity?> ResolveApiKeyAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(key);
        var cacheKey = "apikey:" + Convert.ToHexString(hash);
        if (cache.TryGetValue(cacheKey, out CallerIdentity? cached))
        {
            return cached;
        }

        await using var command = dataSource.CreateCommand($"SELECT tenant_id, role, name FROM {Schema}.resolve_api_key($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var identity = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new CallerIdentity(reader.GetString(0), reader.GetString(1), reader.GetString(2))
            : null;
        cache.Set(cacheKey, identity, CacheFor);
        return identity;
    }

    /// <summary>Creates an API key for a tenant and returns it: the only time the key itself is seen.</summary>
    public async Task<string> CreateApiKeyAsync(string tenantId, string role, string name, CancellationToken cancellationToken)
    {
        var (key, _, _) = ApiKeys.Generate();
        await RegisterApiKeyAsync(tenantId, key, role, name, cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>Stores a key the caller chose (local development, tests); registering it again changes nothing.</summary>
    public async Task RegisterApiKeyAsync(string tenantId, string key, string role, string name, CancellationToken cancellationToken)
    {
        EnsureRole(role);
        await ExecuteForTenantAsync(
            tenantId,
            $"INSERT INTO {Schema}.api_keys (tenant_id, key_hash, prefix, role, name) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key_hash) DO NOTHING",
            [tenantId, ApiKeys.Hash(key), key[..Math.Min(10, key.Length)], role, name],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The identity of a portal user whose password matches, or null.</summary>
    public async Task<(CallerIdentity Identity, string DisplayName)?> VerifyUserAsync(string email, string password, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT tenant_id, password_hash, role, display_name FROM {Schema}.find_user($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = email.Trim() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var identity = new CallerIdentity(reader.GetString(0), reader.GetString(2));
        return Passwords.VerifyHashedPassword(identity, reader.GetString(1), password) == PasswordVerificationResult.Failed
            ? null
            : (identity, reader.GetString(3));
    }

    /// <summary>Adds or replaces a portal user; the password is stored as an ASP.NET Identity (PBKDF2) hash.</summary>
    public async Task UpsertUserAsync(string tenantId, string email, string password, string role, string displayName, CancellationToken cancellationToken)
    {
        EnsureRole(role);
        var hash = Passwords.HashPassword(new CallerIdentity(tenantId, role), password);
        await ExecuteForTenantAsync(
            tenantId,
            $"""
            INSERT INTO {Schema}.users (tenant_id, email, password_hash, role, display_name) VALUES ($1, lower($2), $3, $4, $5)
            ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, display_name = excluded.display_name
            """,
            [tenantId, email.Trim(), hash, role, displayName],
            cancellationToken).ConfigureAwait(false);
    }

    private async Task ExecuteForTenantAsync(string tenantId, string sql, object[] values, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        await using (connection)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
