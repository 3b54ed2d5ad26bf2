using System.Globalization;

namespace BackOfficeCloud.Cli.Import;

/// <summary>
/// The .NET runtime's own counters of a service process (garbage collections per generation, bytes allocated, JIT time),
/// read from the <c>system_runtime_dotnet_*</c> series of its Prometheus <c>/metrics</c>: unlike its CPU time on a shared
/// machine, they hardly depend on what else runs.
/// </summary>
internal sealed record RuntimeCounters(long Gen0, long Gen1, long Gen2, long AllocatedBytes, double GcPauseSeconds, double JitSeconds)
{
    public static async Task<RuntimeCounters> ReadAsync(HttpClient http, Uri metrics, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in (await http.GetStringAsync(metrics, cancellationToken)).Split('\n'))
        {
            if (line.StartsWith("system_runtime_dotnet_", StringComparison.Ordinal) && line.LastIndexOf(' ') is var space and > 0)
            {
                // the series name with its labels minus the static service label, e.g. system_runtime_dotnet_gc_collections{gc_heap_generation="gen0"
                var series = line[..space].Replace(",service=\"ingestion\"", "", StringComparison.Ordinal).Replace("{service=\"ingestion\"}", "", StringComparison.Ordinal);
                values[series] = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            }
        }

        double Value(string series) => values.GetValueOrDefault(series);
        long Collections(int generation) => (long)Value($"system_runtime_dotnet_gc_collections{{gc_heap_generation=\"gen{generation}\"}}");
        return new RuntimeCounters(
            Collections(0), Collections(1), Collections(2), (long)Value("system_runtime_dotnet_gc_heap_total_allocated"),
            Value("system_runtime_dotnet_gc_pause_time"), Value("system_runtime_dotnet_jit_compilation_time"));
    }

    public string PerRecord(RuntimeCounters before, int records) => string.Create(CultureInfo.InvariantCulture,
        $"{(AllocatedBytes - before.AllocatedBytes) / (double)records:F0} bytes allocated per record, collections gen0 {Gen0 - before.Gen0}, " +
        $"gen1 {Gen1 - before.Gen1}, gen2 {Gen2 - before.Gen2} (paused {GcPauseSeconds - before.GcPauseSeconds:F1} s), JIT {JitSeconds - before.JitSeconds:F1} s");
}
