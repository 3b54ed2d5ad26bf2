using BackOfficeCloud.ServiceDefaults.Security;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace BackOfficeCloud.ServiceDefaults.Discovery;

/// <summary>
/// Every service listens on two ports: HTTP/1.1 for REST (gRPC JSON transcoding), health and metrics, and HTTP/2
/// cleartext for gRPC (h2c needs its own port: without TLS there is no protocol negotiation). Other services are
/// found Aspire-style from <c>services__NAME__grpc__0</c> / <c>services__NAME__http__0</c>.
/// </summary>
public static class ServiceEndpoints
{
    public const int DefaultHttpPort = 8080;
    public const int DefaultGrpcPort = 8081;

    public static WebApplicationBuilder ConfigurePorts(this WebApplicationBuilder builder)
    {
        var http = builder.Configuration.GetValue("Ports:Http", DefaultHttpPort);
        var grpc = builder.Configuration.GetValue("Ports:Grpc", DefaultGrpcPort);
        var loopbackOnly = builder.Configuration.GetValue("Ports:LoopbackOnly", false);
        builder.WebHost.ConfigureKestrel(k =>
        {
            void Listen(int port, HttpProtocols protocols)
            {
                if (loopbackOnly)
                {
                    k.ListenLocalhost(port, o => o.Protocols = protocols);
                }
                else
                {
                    k.ListenAnyIP(port, o => o.Protocols = protocols);
                }
            }

            Listen(http, HttpProtocols.Http1);
            Listen(grpc, HttpProtocols.Http2);
        });
        return builder;
    }

    /// <summary>A gRPC client of another platform service, found by service discovery by its kebab-case name.</summary>
    public static IHttpClientBuilder AddPlatformGrpcClient<TClient>(this IServiceCollection services, string serviceName)
        where TClient : ClientBase =>
        services.AddGrpcClient<TClient>(o => o.Address = new Uri($"http://_grpc.{serviceName}"))
            .AddServiceDiscovery();

    /// <summary>Acts for a tenant on a call to another service: service token plus the tenant and role it acts for.</summary>
    public static IHttpClientBuilder ActingFor(this IHttpClientBuilder client, string serviceToken, Func<IServiceProvider, (string Tenant, string Role)?> caller) =>
        client.AddCallCredentials((_, metadata, services) =>
        {
            if (caller(services) is { } who)
            {
                metadata.Add(PlatformAuthenticationHandler.ServiceTokenHeader, serviceToken);
                metadata.Add(PlatformAuthenticationHandler.TenantHeader, who.Tenant);
                metadata.Add(PlatformAuthenticationHandler.RoleHeader, who.Role);
            }

            return Task.CompletedTask;
        }).ConfigureChannel(o => o.UnsafeUseInsecureChannelCallCredentials = true);
}
