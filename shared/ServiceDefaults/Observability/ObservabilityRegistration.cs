using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Prometheus;

namespace BackOfficeCloud.ServiceDefaults.Observability;

public static class ObservabilityRegistration
{
    /// <summary>Activity sources of the platform's own code: one per area, all under this prefix.</summary>
    public const string ActivitySourcePrefix = "BackOfficeCloud.";

    /// <summary>JSON logs on stdout, traces exported over OTLP when an endpoint is configured, Prometheus metrics.</summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        var tracing = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddSource(ActivitySourcePrefix + "*")
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health") && !c.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation()
                .AddNpgsql());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            tracing.UseOtlpExporter();
        }

        // The service label on every series; tenants are never labels (unbounded cardinality).
        Metrics.DefaultRegistry.SetStaticLabels(new Dictionary<string, string> { ["service"] = serviceName });
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressDebugMetrics = true });
        return builder;
    }
}
