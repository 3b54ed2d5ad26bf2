using System.Security.Claims;
using Grpc.Core;

namespace BackOfficeCloud.ServiceDefaults.Security;

/// <summary>The tenant always comes from authentication, never from a field the client chose.</summary>
public static class PlatformClaims
{
    public const string TenantId = "tenant_id";

    public static string Tenant(this ClaimsPrincipal user) =>
        user.FindFirstValue(TenantId) ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "No tenant: sign in or send an API key."));

    public static string Tenant(this ServerCallContext context) =>
        context.GetHttpContext().User.Tenant();
}
