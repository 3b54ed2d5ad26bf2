using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BackOfficeCloud.Blending.Tests.Support;

/// <summary>
/// The Blending service as its own process (the build output next to this test assembly's configuration), on free
/// loopback ports, configured like AppHost configures it. A process, not an in-process host, so that it can be
/// stopped and a new one started within one test run (process-wide state such as metric labels is set once).
/// </summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ServiceUnderTest(Process process, int httpPort, int grpcPort)
    {
        _process = process;
        HttpUrl = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcUrl = new Uri($"http://127.0.0.1:{grpcPort}");
    }

    public Uri HttpUrl { get; }

    public Uri GrpcUrl { get; }

    public static async Task<ServiceUnderTest> StartAsync(IReadOnlyDictionary<string, string?> configuration)
    {
        var (httpPort, grpcPort) = (FreePort(), FreePort());
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ServiceAssembly());
        start.WorkingDirectory = Path.GetDirectoryName(ServiceAssembly())!;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Ports__Http"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Ports__Grpc"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Ports__LoopbackOnly"] = "true";
        foreach (var (key, value) in configuration)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var service = new ServiceUnderTest(process, httpPort, grpcPort);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilReadyAsync();
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(new Uri(HttpUrl, "/health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The Blending service did not become ready. Its last lines:\n{string.Join('\n', _lastLines)}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private static string ServiceAssembly()
    {
        // tests/Services/Blending.Tests/bin/<Configuration>/net10.0 → services/Blending/bin/<Configuration>/net10.0
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var repository = output.Parent!.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(repository, "services", "Blending", "bin", configuration, output.Name, "BackOfficeCloud.Blending.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
