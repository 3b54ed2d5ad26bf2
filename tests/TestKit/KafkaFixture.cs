using BackOfficeCloud.DevInfra.Kafka;

namespace BackOfficeCloud.TestKit;

/// <summary>The Kafka dev broker (3 brokers, in process) for one test collection.</summary>
public sealed class KafkaFixture : IDisposable
{
    public KafkaDevBroker Broker { get; } = KafkaDevBroker.Start(brokers: 3);

    /// <summary>The configuration a service reads in production, pointed at this broker.</summary>
    public IReadOnlyDictionary<string, string?> ServiceConfiguration => new Dictionary<string, string?>
    {
        ["Messaging:Transport"] = "kafka",
        ["Kafka:BootstrapServers"] = Broker.BootstrapServers,
    };

    /// <summary>The dev broker cannot create topics through the admin API: tests create theirs (and the .dlq twins) here.</summary>
    public void CreateTopics(params string[] topics) => Broker.CreateTopicsWithDeadLetters(topics, partitions: 6);

    public void Dispose() => Broker.Dispose();
}
