using System.Diagnostics;

namespace BackOfficeCloud.AppHost.Platform;

/// <summary>One running service: its process, its log lines prefixed with its name, its readiness.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _recentLines = new();
    private volatile bool _stopping;

    private ServiceProcess(ServiceResource resource, Process process)
    {
        Resource = resource;
        _process = process;
    }

    public ServiceResource Resource { get; }

    /// <summary>Raised when the process ends without having been asked to stop.</summary>
    public event Action<ServiceProcess, int>? ExitedUnexpectedly;

    public string RecentLog
    {
        get
        {
            lock (_recentLines)
            {
                return string.Join('\n', _recentLines);
            }
        }
    }

    public static ServiceProcess Start(ServiceResource resource, string binary, IReadOnlyDictionary<string, string> environment, TextWriter? log, int nameWidth)
    {
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{resource.Name}: {binary} does not exist. Build first: dotnet build AppHost");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(binary)!,
        };
        start.ArgumentList.Add(binary);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(resource, process);
        var prefix = resource.Name.PadRight(nameWidth) + " | ";
        process.OutputDataReceived += (_, e) => service.OnLine(e.Data, prefix, log);
        process.ErrorDataReceived += (_, e) => service.OnLine(e.Data, prefix, log);
        process.Exited += (_, _) =>
        {
            if (!service._stopping)
            {
                service.ExitedUnexpectedly?.Invoke(service, process.ExitCode);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200, failing early if the process dies.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var url = new Uri(Resource.HttpUrl, "/health/ready");
        var lastAnswer = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Resource.Name} exited with code {_process.ExitCode} while starting. Its last lines:\n{RecentLog}");
            }

            try
            {
                using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastAnswer = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}";
            }
            catch (HttpRequestException ex)
            {
                lastAnswer = ex.Message;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                lastAnswer = $"no answer in time ({ex.Message})";
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Resource.Name} was not ready after {timeout.TotalSeconds:0} s ({url} said {lastAnswer}). Its last lines:\n{RecentLog}");
    }

    /// <summary>Asks the process to stop (SIGTERM: ASP.NET drains requests), then kills it after a grace period.</summary>
    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync().ConfigureAwait(false);
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private void OnLine(string? line, string prefix, TextWriter? log)
    {
        if (line is null)
        {
            return;
        }

        lock (_recentLines)
        {
            _recentLines.Enqueue(line);
            if (_recentLines.Count > 40)
            {
                _recentLines.Dequeue();
            }
        }

        log?.WriteLine(prefix + line);
    }
}
