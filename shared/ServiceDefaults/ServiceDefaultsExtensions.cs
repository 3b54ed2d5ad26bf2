using BackOfficeCloud.ServiceDefaults.Discovery;
using BackOfficeCloud.ServiceDefaults.Health;
using BackOfficeCloud.ServiceDefaults.Observability;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prometheus;

namespace BackOfficeCloud.ServiceDefaults;

/// <summary>The name a service runs under: AppHost resource, Dapr app id, consumer group, metric label.</summary>
public sealed record ServiceIdentity(string Name);

public static class ServiceDefaultsExtensions
{
    /// <summary>Largest gRPC message or REST body a service takes; bulk data goes through streaming or file upload.</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    /// <summary>Ports, logs, traces, metrics, health, authentication, gRPC with REST transcoding, service discovery.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new ServiceIdentity(serviceName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.ConfigurePorts();
        builder.AddObservability(serviceName);
        builder.AddPlatformSecurity();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxMessageBytes);
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<GrpcServerMetricsInterceptor>();
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.MaxReceiveMessageSize = MaxMessageBytes;
        }).AddJsonTranscoding(o => o.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor));
        builder.Services.AddGrpcReflection();
        builder.Services.AddHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHttpMetrics();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRestProblemDetails();
        app.MapHealthEndpoints();
        app.MapMetrics().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }

        return app;
    }
}
