using System.Runtime.InteropServices;
using System.Text;

namespace BackOfficeCloud.DevInfra.Kafka;

/// <summary>
/// A Kafka cluster for local runs and tests: librdkafka's mock cluster, in this process, speaking the Kafka protocol on
/// loopback ports (produce, fetch, consumer groups, idempotent producers). It cannot create topics through the admin
/// API, so its host creates them with <see cref="CreateTopic"/>; a topic nobody created is auto-created with 4 partitions.
/// Brokers can be taken down and brought back to inject faults.
/// </summary>
public sealed class KafkaDevBroker : IDisposable
{
    private readonly MockClusterNative _native;
    private IntPtr _kafka;
    private IntPtr _cluster;

    private KafkaDevBroker(MockClusterNative native, IntPtr kafka, IntPtr cluster, int brokers)
    {
        _native = native;
        _kafka = kafka;
        _cluster = cluster;
        Brokers = brokers;
        BootstrapServers = Marshal.PtrToStringUTF8(native.Bootstraps(cluster))
            ?? throw new InvalidOperationException("The Kafka mock cluster returned no bootstrap servers.");
    }

    /// <summary>The <c>Kafka__BootstrapServers</c> value: host:port of every broker.</summary>
    public string BootstrapServers { get; }

    public int Brokers { get; }

    /// <summary>Broker ids are 1..<paramref name="brokers"/>.</summary>
    public static KafkaDevBroker Start(int brokers = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        var native = MockClusterNative.Instance;
        var error = new byte[512];
        var conf = native.ConfNew();
        // The handle only hosts the cluster; its own "no bootstrap.servers" warning is noise.
        native.ConfSet(conf, "log_level", "3", error, (UIntPtr)error.Length);
        var kafka = native.KafkaNew(0, conf, error, (UIntPtr)error.Length);
        if (kafka == IntPtr.Zero)
        {
            throw new InvalidOperationException($"librdkafka could not create the handle hosting the dev broker: {Text(error)}");
        }

        var cluster = native.ClusterNew(kafka, brokers);
        if (cluster == IntPtr.Zero)
        {
            native.KafkaDestroy(kafka);
            throw new InvalidOperationException("librdkafka could not start the mock cluster.");
        }

        native.InitialRebalanceDelay(cluster, 0);
        // With a controller, admin requests the mock does not implement (CreateTopics) fail at once instead of timing out.
        native.SetControllerId(cluster, 1);
        return new KafkaDevBroker(native, kafka, cluster, brokers);
    }

    public void CreateTopic(string topic, int partitions, int replicationFactor = 3)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        Check(_native.TopicCreate(Cluster, topic, partitions, Math.Min(replicationFactor, Brokers)), $"create topic '{topic}' with {partitions} partitions");
    }

    /// <summary>Each topic and its <c>.dlq</c> twin: what a service's consumer needs, since the mock cannot create topics on request.</summary>
    public void CreateTopicsWithDeadLetters(IEnumerable<string> topics, int partitions)
    {
        ArgumentNullException.ThrowIfNull(topics);
        foreach (var topic in topics)
        {
            CreateTopic(topic, partitions);
            CreateTopic(topic + Messaging.Kafka.KafkaDeadLetters.Suffix, partitions);
        }
    }

    public void SetBrokerDown(int brokerId) => Check(_native.BrokerSetDown(Cluster, brokerId), $"take broker {brokerId} down");

    public void SetBrokerUp(int brokerId) => Check(_native.BrokerSetUp(Cluster, brokerId), $"bring broker {brokerId} up");

    public void Dispose()
    {
        if (_cluster != IntPtr.Zero)
        {
            _native.ClusterDestroy(_cluster);
            _cluster = IntPtr.Zero;
        }

        if (_kafka != IntPtr.Zero)
        {
            _native.KafkaDestroy(_kafka);
            _kafka = IntPtr.Zero;
        }
    }

    private IntPtr Cluster => _cluster != IntPtr.Zero ? _cluster : throw new ObjectDisposedException(nameof(KafkaDevBroker));

    private static void Check(int errorCode, string what)
    {
        if (errorCode != 0)
        {
            throw new InvalidOperationException($"Kafka dev broker could not {what}: librdkafka error {errorCode}.");
        }
    }

    private static string Text(byte[] error) => Encoding.UTF8.GetString(error).TrimEnd('\0');
}
