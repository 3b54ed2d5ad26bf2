namespace BackOfficeCloud.Messaging.Hosting;

/// <summary>Configuration section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";
    public const string KafkaTransport = "kafka";
    public const string DaprTransport = "dapr";

    /// <summary><c>kafka</c> (Confluent.Kafka straight to the brokers) or <c>dapr</c> (through the sidecar).</summary>
    public string Transport { get; set; } = KafkaTransport;

    /// <summary>The Dapr pub/sub component name.</summary>
    public string PubSubName { get; set; } = "pubsub";

    /// <summary>The sidecar's gRPC endpoint (e.g. <c>http://127.0.0.1:50001</c>); empty uses Dapr's own DAPR_GRPC_ENDPOINT/DAPR_GRPC_PORT.</summary>
    public string DaprGrpcEndpoint { get; set; } = "";

    /// <summary>Retries of a failing handler before the event goes to the topic's <c>.dlq</c>.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; it doubles on each retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Most events applied in one transaction per tenant.</summary>
    public int ConsumerBatchSize { get; set; } = 2000;

    /// <summary>
    /// Transactions a Kafka consumer batch is applied in at once, its partitions dealt among them (partition modulo lanes),
    /// so a partition's events, and so each key's, stay in order.
    /// </summary>
    public int ConsumerLanes { get; set; } = 2;

    /// <summary>Most events one relay batch publishes (a CloudEvents batch row counts its events; its first row always goes).</summary>
    public int OutboxBatchSize { get; set; } = 2000;

    /// <summary>
    /// Most batches one relay transaction publishes while the outbox has a backlog (its batches are full): each next batch
    /// is read from PostgreSQL while the broker acknowledges the one before, and the commit (a WAL flush) is paid once.
    /// </summary>
    public int OutboxBatchesPerTurn { get; set; } = 8;

    /// <summary>Concurrent relay loops in this replica (every replica runs its own; rows are never published twice at once).</summary>
    public int OutboxWorkers { get; set; } = 1;

    /// <summary>Most events in one CloudEvents batch (one outbox row, one Kafka message) written by <c>EnqueueBatchAsync</c>.</summary>
    public int BatchMaxEvents { get; set; } = 1000;

    /// <summary>
    /// Most bytes of one CloudEvents batch; an event larger than this alone travels in a batch of its own. The default,
    /// 64 KB, stays under .NET's large-object threshold (85,000 bytes) in the writer, the relay that reads the outbox row
    /// back and every consumer: large objects are collected only in full (gen-2) collections, which they trigger (bench
    /// ingest, 512 KB batches: 64 gen-2 collections of Ingestion per million records, 20 with 64 KB).
    /// </summary>
    public int BatchMaxBytes { get; set; } = 64 * 1024;

    /// <summary>How long a relay loop sleeps when the outbox is empty.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    internal void Validate()
    {
        if (Transport is not (KafkaTransport or DaprTransport))
        {
            throw new ArgumentException($"Messaging:Transport '{Transport}' is not supported: use '{KafkaTransport}' or '{DaprTransport}'.", nameof(Transport));
        }

        if (MaxRetries < 0 || ConsumerBatchSize < 1 || ConsumerLanes < 1 || OutboxBatchSize < 1 || OutboxBatchesPerTurn < 1 || OutboxWorkers < 1 || BatchMaxEvents < 1 || BatchMaxBytes < 1)
        {
            throw new ArgumentException(
                $"Messaging options out of range: MaxRetries={MaxRetries} (>= 0), ConsumerBatchSize={ConsumerBatchSize}, ConsumerLanes={ConsumerLanes}, " +
                $"OutboxBatchSize={OutboxBatchSize}, OutboxBatchesPerTurn={OutboxBatchesPerTurn}, OutboxWorkers={OutboxWorkers}, BatchMaxEvents={BatchMaxEvents}, BatchMaxBytes={BatchMaxBytes} (each >= 1).");
        }
    }
}
