using BackOfficeCloud.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BackOfficeCloud.ServiceDefaults.Security;

public static class SecurityRegistration
{
    /// <summary>API keys and service tokens; every endpoint needs an authenticated caller unless it opts out.</summary>
    public static WebApplicationBuilder AddPlatformSecurity(this WebApplicationBuilder builder)
    {
        builder.AddSharedSchema(IdentityStore.Schema, typeof(SecurityRegistration).Assembly);
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<IdentityStore>();
        builder.Services.AddAuthentication(PlatformAuthenticationHandler.SchemeName)
            .AddScheme<PlatformAuthenticationOptions, PlatformAuthenticationHandler>(
                PlatformAuthenticationHandler.SchemeName,
                o => o.ServiceToken = builder.Configuration["Auth:ServiceToken"]);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}
