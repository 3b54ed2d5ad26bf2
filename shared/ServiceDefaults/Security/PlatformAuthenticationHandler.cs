using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackOfficeCloud.ServiceDefaults.Security;

public sealed class PlatformAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Shared secret the portal and other services present to act for a tenant (<c>Auth:ServiceToken</c>).</summary>
    public string? ServiceToken { get; set; }
}

/// <summary>
/// Authenticates enterprise callers by API key (<c>x-api-key</c> header or <c>Authorization: ApiKey …</c>) and other
/// platform services by service token, which then name the tenant and role they act for.
/// </summary>
public sealed class PlatformAuthenticationHandler(
    IOptionsMonitor<PlatformAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, IdentityStore identities)
    : AuthenticationHandler<PlatformAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "Platform";
    public const string ApiKeyHeader = "x-api-key";
    public const string ServiceTokenHeader = "x-service-token";
    public const string TenantHeader = "x-tenant-id";
    public const string RoleHeader = "x-role";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var serviceToken = Request.Headers[ServiceTokenHeader].ToString();
        if (serviceToken.Length > 0)
        {
            return AuthenticateService(serviceToken);
        }

        var key = ApiKeyFromRequest();
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await identities.ResolveApiKeyAsync(key, Context.RequestAborted).ConfigureAwait(false);
        return identity is null ? AuthenticateResult.Fail("Unknown or revoked API key.") : Success(identity, "api-key");
    }

    private AuthenticateResult AuthenticateService(string token)
    {
        var expected = Options.ServiceToken;
        if (string.IsNullOrEmpty(expected) ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected)))
        {
            return AuthenticateResult.Fail("Invalid service token.");
        }

        var tenant = Request.Headers[TenantHeader].ToString();
        var role = Request.Headers[RoleHeader].ToString();
        if (!Data.TenantId.IsValid(tenant) || !Roles.All.Contains(role))
        {
            return AuthenticateResult.Fail($"A service call must name a valid {TenantHeader} and {RoleHeader}.");
        }

        return Success(new CallerIdentity(tenant, role), "service");
    }

    private string? ApiKeyFromRequest()
    {
        var header = Request.Headers[ApiKeyHeader].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var authorization = Request.Headers.Authorization.ToString();
        return authorization.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    private AuthenticateResult Success(CallerIdentity identity, string method)
    {
        List<Claim> claims = [new(PlatformClaims.TenantId, identity.TenantId), new(ClaimTypes.Role, identity.Role), new("amr", method)];
        if (identity.Name is not null)
        {
            claims.Add(new Claim(ClaimTypes.Name, $"{method}:{identity.Name}"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
