using System.Diagnostics;
using System.Globalization;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.DevInfra;
using BackOfficeCloud.DevInfra.Postgres;
using BackOfficeCloud.ServiceDefaults.Security;
using Confluent.Kafka;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace BackOfficeCloud.Cli.Import;

/// <summary>The Ingestion service (its Release build) as a process of its own, as AppHost runs it, on free ports.</summary>
internal sealed class IngestionProcess : IAsyncDisposable
{
    /// <summary>
    /// The service's producer compression. The dev broker keeps about 5 MB of log per partition and a tenant's interactions
    /// share one: with LZ4 a quiet machine published past the bench's topic reader (events evicted unread, reported lost);
    /// zstd compresses the JSON tighter, so the log holds more of them.
    /// </summary>
    internal const CompressionType Compression = CompressionType.Zstd;

    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Uri _metrics;

    private IngestionProcess(Process process, int httpPort, int grpcPort)
    {
        _process = process;
        _metrics = new Uri($"http://127.0.0.1:{httpPort}/metrics");
        GrpcUrl = new Uri($"http://127.0.0.1:{grpcPort}");
    }

    public Uri GrpcUrl { get; }

    public static async Task<IngestionProcess> StartAsync(LocalPostgres postgres, string kafka, CancellationToken cancellationToken)
    {
        var binary = Path.Combine(RepositoryRoot(), "services", "Ingestion", "bin", "Release", "net10.0", "BackOfficeCloud.Ingestion.dll");
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"{binary} does not exist: build it with dotnet build services/Ingestion -c Release (./bocloud does).");
        }

        var (http, grpc) = (FreePort.Next(), FreePort.Next());
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(binary)! };
        start.ArgumentList.Add(binary);
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Ports__Http"] = http.ToString(CultureInfo.InvariantCulture),
            ["Ports__Grpc"] = grpc.ToString(CultureInfo.InvariantCulture),
            ["Ports__LoopbackOnly"] = "true",
            ["ConnectionStrings__postgres"] = postgres.AppConnectionString,
            ["ConnectionStrings__postgres-admin"] = postgres.OwnerConnectionString,
            ["Messaging__Transport"] = "kafka",
            ["Kafka__BootstrapServers"] = kafka,
            ["Kafka__Compression"] = Compression.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
        })
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new IngestionProcess(process, http, grpc);
        await service.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{http}/health/ready"), cancellationToken);
        return service;
    }

    /// <summary>An API key of a new admin of <paramref name="tenant"/> (the identity schema exists once the service is ready).</summary>
    public static async Task<string> ApiKeyAsync(LocalPostgres postgres, string tenant, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres.AppConnectionString);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        return await new IdentityStore(dataSource, cache).CreateApiKeyAsync(tenant, Roles.Admin, "bench", cancellationToken);
    }

    /// <summary>The CPU time the service process has used so far.</summary>
    public TimeSpan Cpu()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The service process's peak resident memory (VmHWM).</summary>
    public double PeakRssMegabytes() => PeakRss.Megabytes(_process.Id);

    /// <summary>The service's garbage collections, allocated bytes and JIT time so far.</summary>
    public Task<RuntimeCounters> RuntimeCountersAsync(CancellationToken cancellationToken) => RuntimeCounters.ReadAsync(_http, _metrics, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
    }

    // stdout carries the bench's JSON lines: the service's warnings, errors and stage timings (when their category is
    // set to Debug in the environment, see docs/ingestion.md) go to stderr
    private static void Forward(string? line)
    {
        if (line is not null && (line.Contains("\"Warning\"", StringComparison.Ordinal) || line.Contains("\"Error\"", StringComparison.Ordinal)
            || line.Contains("Pipeline.StageTimings", StringComparison.Ordinal) || !line.StartsWith('{')))
        {
            Console.Error.WriteLine("ingestion | " + line);
        }
    }

    private async Task WaitUntilReadyAsync(Uri ready, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the ingestion service exited with code {_process.ExitCode}");
            }

            try
            {
                using var response = await _http.GetAsync(ready, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("the ingestion service was not ready within 2 minutes");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BackOfficeCloud.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no BackOfficeCloud.sln above {AppContext.BaseDirectory}");
    }
}
