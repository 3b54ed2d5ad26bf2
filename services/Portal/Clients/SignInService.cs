using System.Security.Claims;
using BackOfficeCloud.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BackOfficeCloud.Portal.Clients;

/// <summary>Checks a person's e-mail and password and starts their cookie session.</summary>
public sealed class SignInService(IdentityStore identities, IHttpContextAccessor http)
{
    public async Task<bool> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (await identities.VerifyUserAsync(email, password, cancellationToken) is not { } user)
        {
            return false;
        }

        var claims = new[]
        {
            new Claim(ClaimTypes.Name, email.Trim().ToLowerInvariant()),
            new Claim(ClaimTypes.GivenName, string.IsNullOrEmpty(user.DisplayName) ? email.Trim() : user.DisplayName),
            new Claim(PlatformClaims.TenantId, user.Identity.TenantId),
            new Claim(ClaimTypes.Role, user.Identity.Role),
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        await http.HttpContext!.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return true;
    }
}
