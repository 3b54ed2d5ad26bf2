using System.Security.Claims;
using BackOfficeCloud.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace BackOfficeCloud.Portal.Clients;

/// <summary>Checks a person's e-mail and password and starts their cookie session.</summary>
public sealed class SignInService(IdentityStore identities, IPasswordHasher<PortalUser> hasher, IHttpContextAccessor http)
{
    public async Task<bool> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var found = await identities.FindUserAsync(email.Trim(), cancellationToken);
        if (found is not { } user)
        {
            return false;
        }

        var portalUser = new PortalUser(email.Trim().ToLowerInvariant(), user.Identity.TenantId, user.Identity.Role, user.DisplayName);
        if (hasher.VerifyHashedPassword(portalUser, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            return false;
        }

        var claims = new[]
        {
            new Claim(ClaimTypes.Name, portalUser.Email),
            new Claim(ClaimTypes.GivenName, string.IsNullOrEmpty(portalUser.DisplayName) ? portalUser.Email : portalUser.DisplayName),
            new Claim(PlatformClaims.TenantId, portalUser.TenantId),
            new Claim(ClaimTypes.Role, portalUser.Role),
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        await http.HttpContext!.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return true;
    }
}
