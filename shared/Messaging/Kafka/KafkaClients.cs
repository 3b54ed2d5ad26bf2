using BackOfficeCloud.Messaging.Hosting;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace BackOfficeCloud.Messaging.Kafka;

/// <summary>The service's one Kafka producer (idempotent, acks=all) and the settings its consumer and admin use.</summary>
public sealed class KafkaClients : IDisposable
{
    private readonly Lazy<IProducer<byte[]?, byte[]>> _producer;

    public KafkaClients(IOptions<KafkaOptions> kafka, EventBusIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(identity);
        kafka.Value.Validate();
        KafkaNativeLibrary.EnsureLoaded();
        Options = kafka.Value;
        Identity = identity;
        _producer = new Lazy<IProducer<byte[]?, byte[]>>(() => new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig
        {
            BootstrapServers = Options.BootstrapServers,
            ClientId = Identity.AppId,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
            // CloudEvents JSON compresses several times over: fewer bytes on the wire and in the brokers' logs (the dev
            // broker keeps only a few MB per partition, so a slow reader of big batch messages lost events there).
            CompressionType = Options.Compression,
            BatchNumMessages = 10_000,
            QueueBufferingMaxMessages = 500_000,
            // The relay reads only whether each message was acknowledged: no headers or timestamp copied back per report.
            DeliveryReportFields = "none",
        }).Build());
    }

    public KafkaOptions Options { get; }

    public EventBusIdentity Identity { get; }

    public IProducer<byte[]?, byte[]> Producer => _producer.Value;

    public ConsumerConfig ConsumerConfig() => new()
    {
        BootstrapServers = Options.BootstrapServers,
        GroupId = Identity.AppId,
        ClientId = Identity.AppId,
        EnableAutoCommit = false,
        EnableAutoOffsetStore = false,
        // A consumer group new to a topic starts at its beginning: events published before the service first ran still count.
        AutoOffsetReset = AutoOffsetReset.Earliest,
        FetchWaitMaxMs = 20,
        // Neither headers nor timestamps are read (a CloudEvents batch is told by its JSON array): not copied per message.
        ConsumeResultFields = "topic",
    };

    public IAdminClient CreateAdminClient() =>
        new AdminClientBuilder(new AdminClientConfig { BootstrapServers = Options.BootstrapServers, ClientId = Identity.AppId }).Build();

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(TimeSpan.FromSeconds(5));
            _producer.Value.Dispose();
        }
    }
}
