using System.Security.Claims;
using BackOfficeCloud.ServiceDefaults.Security;
using Grpc.Core;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Grpc;

/// <summary>
/// Who made a change, for attribution: the principal's name when authentication gives one; for an API key its name
/// (read in the caller's tenant transaction, so only the tenant's own keys are visible); for a service acting for a
/// tenant, the role it acts as.
/// </summary>
public static class CallerNames
{
    public static async Task<string> WhoAsync(ServerCallContext context, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var http = context.GetHttpContext();
        var user = http.User;
        if (user.Identity?.Name is { Length: > 0 } name)
        {
            return name;
        }

        var role = user.FindFirstValue(ClaimTypes.Role) ?? "";
        if (user.FindFirstValue("amr") != "api-key")
        {
            return $"service:{role}";
        }

        var key = http.Request.Headers[PlatformAuthenticationHandler.ApiKeyHeader].ToString();
        var authorization = http.Request.Headers.Authorization.ToString();
        if (key.Length == 0 && authorization.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase))
        {
            key = authorization[7..].Trim();
        }

        await using var select = new NpgsqlCommand(
            $"SELECT coalesce(nullif(name, ''), prefix) FROM {IdentityStore.Schema}.api_keys WHERE key_hash = $1", transaction.Connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = ApiKeys.Hash(key) });
        return $"api-key:{await select.ExecuteScalarAsync(cancellationToken) as string ?? role}";
    }
}
