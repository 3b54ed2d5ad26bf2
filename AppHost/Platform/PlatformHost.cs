using BackOfficeCloud.Contracts;
using BackOfficeCloud.DevInfra;
using BackOfficeCloud.DevInfra.Kafka;
using BackOfficeCloud.DevInfra.Postgres;

namespace BackOfficeCloud.AppHost.Platform;

/// <summary>
/// The running platform: PostgreSQL, Kafka, every service and the portal as their own processes, configured the
/// way Aspire configures them (<c>ConnectionStrings__NAME</c>, <c>services__NAME__http__0</c>).
/// </summary>
public sealed class PlatformHost : IAsyncDisposable
{
    public const int KafkaPartitions = 6;

    private readonly List<ServiceProcess> _processes = [];
    private LocalPostgres? _postgres;
    private KafkaDevBroker? _broker;

    private PlatformHost(PlatformOptions options) => Options = options;

    public PlatformOptions Options { get; }

    public string PostgresConnection { get; private set; } = "";

    public string PostgresAdminConnection { get; private set; } = "";

    public string KafkaBootstrapServers { get; private set; } = "";

    /// <summary>The dev broker, when this host runs it (null with an external Kafka).</summary>
    public KafkaDevBroker? DevBroker => _broker;

    /// <summary>Cancelled when a service exits without being asked to.</summary>
    public CancellationToken Failed => _failed.Token;

    public string? FailureReason { get; private set; }

    private readonly CancellationTokenSource _failed = new();

    public ServiceResource Service(string name) => Options.Services.Single(s => s.Name == name);

    public static async Task<PlatformHost> StartAsync(PlatformOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = new PlatformHost(options);
        try
        {
            await host.StartDependenciesAsync(cancellationToken).ConfigureAwait(false);
            await host.StartServicesAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartDependenciesAsync(CancellationToken cancellationToken)
    {
        if (Options.PostgresConnection is { } external)
        {
            PostgresConnection = external;
            PostgresAdminConnection = Options.PostgresAdminConnection ?? external;
        }
        else
        {
            _postgres = await LocalPostgres.StartAsync(
                new LocalPostgresOptions(Options.PostgresDataDirectory, Options.PostgresPort, Durable: Options.PostgresDataDirectory is not null),
                cancellationToken).ConfigureAwait(false);
            PostgresConnection = _postgres.AppConnectionString;
            PostgresAdminConnection = _postgres.OwnerConnectionString;
        }

        if (Options.KafkaBootstrapServers is { } kafka)
        {
            KafkaBootstrapServers = kafka;
        }
        else
        {
            _broker = KafkaDevBroker.Start(brokers: 3);
            _broker.CreateTopicsWithDeadLetters(Topics.All, KafkaPartitions);

            KafkaBootstrapServers = _broker.BootstrapServers;
        }
    }

    private async Task StartServicesAsync(CancellationToken cancellationToken)
    {
        var width = Options.Services.Max(s => s.Name.Length);
        foreach (var service in Options.Services)
        {
            var binary = Path.Combine(Options.RepositoryRoot, service.ProjectFolder, "bin", Options.BuildConfiguration, "net10.0", service.AssemblyName + ".dll");
            var process = ServiceProcess.Start(service, binary, EnvironmentFor(service), Options.Log, width);
            process.ExitedUnexpectedly += OnExitedUnexpectedly;
            _processes.Add(process);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Task.WhenAll(_processes.Select(p => p.WaitUntilReadyAsync(http, Options.ReadyTimeout, cancellationToken))).ConfigureAwait(false);
    }

    private Dictionary<string, string> EnvironmentFor(ServiceResource service)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["OTEL_SERVICE_NAME"] = service.Name,
            ["Ports__Http"] = service.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ports__Grpc"] = service.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ports__LoopbackOnly"] = "true",
            ["ConnectionStrings__postgres"] = PostgresConnection,
            ["ConnectionStrings__postgres-admin"] = PostgresAdminConnection,
            ["Messaging__Transport"] = "kafka",
            ["Kafka__BootstrapServers"] = KafkaBootstrapServers,
            ["Kafka__Partitions"] = KafkaPartitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Auth__ServiceToken"] = Options.ServiceToken,
        };
        foreach (var other in Options.Services)
        {
            environment[$"services__{other.Name}__http__0"] = other.HttpUrl.ToString();
            environment[$"services__{other.Name}__grpc__0"] = other.GrpcUrl.ToString();
        }

        foreach (var (key, value) in RuntimeSettings.ForChildProcess())
        {
            environment[key] = value;
        }

        return environment;
    }

    private void OnExitedUnexpectedly(ServiceProcess process, int exitCode)
    {
        FailureReason = $"{process.Resource.Name} exited unexpectedly with code {exitCode}; nothing restarts it. Its last lines:\n{process.RecentLog}";
        _failed.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_processes.Select(p => p.DisposeAsync().AsTask())).ConfigureAwait(false);
        _processes.Clear();
        _broker?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }

        _failed.Dispose();
    }
}
