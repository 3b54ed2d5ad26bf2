using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace BackOfficeCloud.Messaging.Kafka;

/// <summary>
/// Loads librdkafka for every Kafka client of the process (services, the dev broker, tests, bocloud). On this Debian
/// the package's default Linux build needs libsasl2.so.3, which is missing, so the <c>centos8</c> build (no SASL
/// dependency) is loaded instead; and Confluent.Kafka's loader looks for <c>libdl</c>, which Debian ships only as
/// <c>libdl.so.2</c>. Both names are resolved here.
/// </summary>
public static class KafkaNativeLibrary
{
    private const string VariantFileName = "centos8-librdkafka.so";
    private static readonly Lazy<string?> Loaded = new(LoadOnce, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The librdkafka file loaded (null on systems where Confluent.Kafka's default works).</summary>
    public static string? LoadedPath => Loaded.Value;

    public static void EnsureLoaded() => _ = Loaded.Value;

    private static string? LoadOnce()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var path = Candidates().FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            $"librdkafka ({VariantFileName}) was found neither under {AppContext.BaseDirectory}runtimes nor in the NuGet cache: " +
            "restore the project (dotnet restore) so the librdkafka.redist package is present.");
        NativeLibrary.SetDllImportResolver(typeof(Library).Assembly, (name, _, _) => name switch
        {
            "libdl" => NativeLibrary.Load("libdl.so.2"),
            _ when name.Contains("rdkafka", StringComparison.Ordinal) => NativeLibrary.Load(path),
            _ => IntPtr.Zero,
        });
        Library.Load(path);
        return path;
    }

    private static IEnumerable<string> Candidates()
    {
        var rid = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        yield return Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native", VariantFileName);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var redist = Path.Combine(cache, "librdkafka.redist");
        if (Directory.Exists(redist))
        {
            foreach (var version in Directory.GetDirectories(redist).OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version()))
            {
                yield return Path.Combine(version, "runtimes", rid, "native", VariantFileName);
            }
        }
    }
}
