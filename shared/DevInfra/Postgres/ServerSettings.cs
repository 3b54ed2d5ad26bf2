namespace BackOfficeCloud.DevInfra.Postgres;

/// <summary>
/// The settings a <see cref="LocalPostgres"/> server starts with. A durable cluster (AppHost's, the benchmarks') is
/// tuned as a DBA would tune a production server for the platform's write-heavy load; docs/messaging.md
/// ("PostgreSQL settings") gives each setting's reason and measurement.
/// </summary>
internal static class ServerSettings
{
    /// <summary>Command-line settings (<c>-c name=value</c>) besides the address, port and socket directory.</summary>
    public static IEnumerable<string> For(bool durable, bool hasStatementStatistics)
    {
        yield return "-c max_connections=300";
        if (hasStatementStatistics)
        {
            yield return "-c shared_preload_libraries=pg_stat_statements";
        }

        string[] tuning = durable
            ? ["-c shared_buffers=256MB", "-c wal_buffers=16MB", "-c max_wal_size=4GB", "-c checkpoint_timeout=15min"]
            : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"];
        foreach (var setting in tuning)
        {
            yield return setting;
        }
    }

    /// <summary>
    /// glibc's allocator, told to keep the memory a backend freed: by default it hands the top of the heap back to the
    /// kernel whenever 128 KB are free there, and serves larger blocks with a fresh mmap, so a backend that receives
    /// large messages (arrays of ids, packed outbox rows) faults the same pages in again for every statement.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["MALLOC_TRIM_THRESHOLD_"] = (256 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MALLOC_MMAP_THRESHOLD_"] = (32 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MALLOC_TOP_PAD_"] = (64 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
