using System.Runtime.InteropServices;
using BackOfficeCloud.Messaging.Kafka;

namespace BackOfficeCloud.DevInfra.Kafka;

/// <summary>librdkafka's mock-cluster C API, bound from the same librdkafka file every Kafka client of the process uses.</summary>
internal sealed class MockClusterNative
{
    private const int ProducerType = 0;

    private MockClusterNative(IntPtr library)
    {
        ConfNew = Bind<ConfNewFn>(library, "rd_kafka_conf_new");
        ConfSet = Bind<ConfSetFn>(library, "rd_kafka_conf_set");
        KafkaNew = Bind<KafkaNewFn>(library, "rd_kafka_new");
        KafkaDestroy = Bind<HandleFn>(library, "rd_kafka_destroy");
        ClusterNew = Bind<ClusterNewFn>(library, "rd_kafka_mock_cluster_new");
        ClusterDestroy = Bind<HandleFn>(library, "rd_kafka_mock_cluster_destroy");
        Bootstraps = Bind<BootstrapsFn>(library, "rd_kafka_mock_cluster_bootstraps");
        TopicCreate = Bind<TopicCreateFn>(library, "rd_kafka_mock_topic_create");
        BrokerSetDown = Bind<BrokerFn>(library, "rd_kafka_mock_broker_set_down");
        BrokerSetUp = Bind<BrokerFn>(library, "rd_kafka_mock_broker_set_up");
        InitialRebalanceDelay = Bind<RebalanceDelayFn>(library, "rd_kafka_mock_group_initial_rebalance_delay_ms");
        SetControllerId = Bind<BrokerFn>(library, "rd_kafka_mock_set_controller_id");
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr ConfNewFn();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int ConfSetFn(IntPtr conf, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, byte[] error, UIntPtr errorSize);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr KafkaNewFn(int type, IntPtr conf, byte[] error, UIntPtr errorSize);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void HandleFn(IntPtr handle);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr ClusterNewFn(IntPtr kafka, int brokers);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr BootstrapsFn(IntPtr cluster);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int TopicCreateFn(IntPtr cluster, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int partitions, int replicationFactor);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int BrokerFn(IntPtr cluster, int brokerId);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void RebalanceDelayFn(IntPtr cluster, int delayMs);

    public static MockClusterNative Instance { get; } = Load();

    public ConfNewFn ConfNew { get; }

    public ConfSetFn ConfSet { get; }

    public KafkaNewFn KafkaNew { get; }

    public HandleFn KafkaDestroy { get; }

    public ClusterNewFn ClusterNew { get; }

    public HandleFn ClusterDestroy { get; }

    public BootstrapsFn Bootstraps { get; }

    public TopicCreateFn TopicCreate { get; }

    public BrokerFn BrokerSetDown { get; }

    public BrokerFn BrokerSetUp { get; }

    public RebalanceDelayFn InitialRebalanceDelay { get; }

    public BrokerFn SetControllerId { get; }

    private static MockClusterNative Load()
    {
        KafkaNativeLibrary.EnsureLoaded();
        var path = KafkaNativeLibrary.LoadedPath ?? throw new PlatformNotSupportedException("The Kafka dev broker runs on Linux only.");
        return new MockClusterNative(NativeLibrary.Load(path));
    }

    private static T Bind<T>(IntPtr library, string name) where T : Delegate =>
        Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(library, name));
}
