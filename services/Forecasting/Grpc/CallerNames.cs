using System.Security.Claims;
using Grpc.Core;

namespace BackOfficeCloud.Forecasting.Grpc;

/// <summary>
/// Who made a change, for attribution: the principal's name (an API key's is <c>api-key:NAME</c>); for a service
/// acting for a tenant, the role it acts as.
/// </summary>
public static class CallerNames
{
    public static string Who(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.Name is { Length: > 0 } name ? name : $"service:{user.FindFirstValue(ClaimTypes.Role)}";
    }
}
