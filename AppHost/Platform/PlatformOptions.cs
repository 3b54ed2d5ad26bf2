using BackOfficeCloud.Contracts;
using BackOfficeCloud.DevInfra;
using Microsoft.Extensions.Configuration;

namespace BackOfficeCloud.AppHost.Platform;

/// <summary>How to start the platform. AppHost reads it from configuration; the end-to-end tests build it directly.</summary>
public sealed record PlatformOptions
{
    public required string RepositoryRoot { get; init; }

    public required IReadOnlyList<ServiceResource> Services { get; init; }

    /// <summary>Build configuration the service binaries were built in (AppHost's own).</summary>
    public string BuildConfiguration { get; init; } = "Debug";

    /// <summary>An external PostgreSQL (runtime role); when null, a local cluster is started from the installed binaries.</summary>
    public string? PostgresConnection { get; init; }

    /// <summary>The schema owner's connection for migrations, with <see cref="PostgresConnection"/>.</summary>
    public string? PostgresAdminConnection { get; init; }

    public int PostgresPort { get; init; } = 55432;

    /// <summary>The local cluster's folder; null for a throwaway one (tests).</summary>
    public string? PostgresDataDirectory { get; init; }

    /// <summary>An external Kafka; when null, the dev broker runs inside this process.</summary>
    public string? KafkaBootstrapServers { get; init; }

    public string ServiceToken { get; init; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Each service's log lines, prefixed with its name; null to drop them.</summary>
    public TextWriter? Log { get; init; } = Console.Out;

    /// <summary>The fixed, documented ports of README (overridable with <c>Ports__NAME__Http</c> and <c>Ports__NAME__Grpc</c>).</summary>
    public static IReadOnlyList<ServiceResource> ServicesFrom(IConfiguration configuration) =>
    [
        .. Catalog.Select(s => new ServiceResource(
            s.Name, s.Folder,
            configuration.GetValue<int>($"Ports:{s.Name}:Http"),
            configuration.GetValue<int>($"Ports:{s.Name}:Grpc"))),
    ];

    /// <summary>Every service on free ports, for tests that run beside other things.</summary>
    public static IReadOnlyList<ServiceResource> ServicesOnFreePorts() =>
        [.. Catalog.Select(s => new ServiceResource(s.Name, s.Folder, FreePort.Next(), FreePort.Next()))];

    private static readonly (string Name, string Folder)[] Catalog =
    [
        (ServiceNames.Ingestion, "services/Ingestion"),
        (ServiceNames.Forecasting, "services/Forecasting"),
        (ServiceNames.Scheduling, "services/Scheduling"),
        (ServiceNames.Blending, "services/Blending"),
        (ServiceNames.Analytics, "services/Analytics"),
        (ServiceNames.Portal, "services/Portal"),
    ];

    /// <summary>The folder holding BackOfficeCloud.sln, found upwards from <paramref name="start"/>.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BackOfficeCloud.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"BackOfficeCloud.sln not found above {start}: run AppHost from the repository.");
    }
}
