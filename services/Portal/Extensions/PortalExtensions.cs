using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Analytics.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Portal.Clients;
using BackOfficeCloud.ServiceDefaults.Discovery;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.Portal.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace BackOfficeCloud.Portal.Extensions;

public static class PortalExtensions
{
    /// <summary>Cookie sessions for people; the portal calls the services over gRPC acting for the signed-in user.</summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.Cookie.Name = "bocloud.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            });
        builder.Services.AddDataProtection().SetApplicationName("backoffice-cloud-portal");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = ActivatorUtilities.CreateInstance<PostgresKeyRepository>(sp)));
        builder.Services.AddRazorPages(o => o.Conventions.AllowAnonymousToPage("/SignIn"));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<SignInService>();

        var serviceToken = builder.Configuration["Auth:ServiceToken"]
            ?? throw new InvalidOperationException("Auth:ServiceToken is not set: the portal needs it to call the services (AppHost sets it).");
        builder.Services.AddPlatformGrpcClient<AnalyticsService.AnalyticsServiceClient>(ServiceNames.Analytics)
            .ActingFor(serviceToken, CurrentUser.Of);
        builder.Services.AddPlatformGrpcClient<SchedulingService.SchedulingServiceClient>(ServiceNames.Scheduling)
            .ActingFor(serviceToken, CurrentUser.Of);
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
        return app;
    }
}
