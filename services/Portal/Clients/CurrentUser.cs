using System.Security.Claims;
using BackOfficeCloud.ServiceDefaults.Security;

namespace BackOfficeCloud.Portal.Clients;

/// <summary>The tenant and role of the person behind the current request, for calls made on their behalf.</summary>
public static class CurrentUser
{
    public static (string Tenant, string Role)? Of(IServiceProvider services)
    {
        var user = services.GetRequiredService<IHttpContextAccessor>().HttpContext?.User;
        var tenant = user?.FindFirstValue(PlatformClaims.TenantId);
        var role = user?.FindFirstValue(ClaimTypes.Role);
        return tenant is null || role is null ? null : (tenant, role);
    }
}
