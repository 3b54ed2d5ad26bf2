using Confluent.Kafka;

namespace BackOfficeCloud.Messaging.Kafka;

/// <summary>Configuration section <c>Kafka</c>.</summary>
public sealed class KafkaOptions
{
    public const string Section = "Kafka";

    /// <summary><c>Kafka__BootstrapServers</c>: host:port list (AppHost sets it to the dev broker's).</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>Partitions of each topic (and its .dlq twin) this service creates.</summary>
    public int Partitions { get; set; } = 6;

    public short ReplicationFactor { get; set; } = 3;

    /// <summary>The producer's compression (<c>Kafka__Compression</c>): <c>Lz4</c>, or <c>None</c> where CPU is scarcer than bytes.</summary>
    public CompressionType Compression { get; set; } = CompressionType.Lz4;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            throw new ArgumentException("Kafka:BootstrapServers is empty: set Kafka__BootstrapServers (AppHost sets it to the dev broker).", nameof(BootstrapServers));
        }

        if (Partitions < 1 || ReplicationFactor < 1)
        {
            throw new ArgumentException($"Kafka:Partitions={Partitions} and Kafka:ReplicationFactor={ReplicationFactor} must both be >= 1.");
        }
    }
}
