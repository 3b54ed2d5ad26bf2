using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackOfficeCloud.Messaging.Kafka;

/// <summary>Ready when the cluster answers a metadata request with at least one broker.</summary>
internal sealed class KafkaHealthCheck(KafkaClients clients) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var admin = clients.CreateAdminClient();
            var metadata = await Task.Run(() => admin.GetMetadata(TimeSpan.FromSeconds(3)), cancellationToken).ConfigureAwait(false);
            return metadata.Brokers.Count > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Kafka lists no broker");
        }
        catch (Confluent.Kafka.KafkaException ex)
        {
            return HealthCheckResult.Unhealthy($"Kafka at {clients.Options.BootstrapServers} does not answer", ex);
        }
    }
}
