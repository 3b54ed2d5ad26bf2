using BackOfficeCloud.AppHost.Platform;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;

var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
var root = PlatformOptions.FindRepositoryRoot(AppContext.BaseDirectory);
var options = new PlatformOptions
{
    RepositoryRoot = root,
    Services = PlatformOptions.ServicesFrom(configuration),
    BuildConfiguration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name,
    PostgresConnection = configuration.GetConnectionString("postgres"),
    PostgresAdminConnection = configuration.GetConnectionString("postgres-admin"),
    PostgresPort = configuration.GetValue("Ports:Postgres", 55432),
    PostgresDataDirectory = Path.Combine(root, ".data", "postgres"),
    KafkaBootstrapServers = configuration["Kafka:BootstrapServers"],
};

using var stop = new CancellationTokenSource();
// Ctrl+C and SIGTERM stop the platform cleanly: every service, then the broker and PostgreSQL.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

PlatformHost platform;
try
{
    platform = await PlatformHost.StartAsync(options, stop.Token);
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or DllNotFoundException)
{
    Console.Error.WriteLine($"apphost | cannot start the platform: {ex.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    return 130;
}

await using (platform)
{
    await DevIdentities.SeedAsync(platform.PostgresConnection, DevDefaults.Tenant, DevDefaults.Email, DevDefaults.Password, DevDefaults.ApiKey, stop.Token);
    UrlTable.Print(Console.Out, platform);
    using var either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, platform.Failed);
    try
    {
        await Task.Delay(Timeout.Infinite, either.Token);
    }
    catch (OperationCanceledException)
    {
    }

    Console.WriteLine(platform.FailureReason is null ? "apphost | stopping…" : $"apphost | {platform.FailureReason}\napphost | stopping the platform.");
    return platform.FailureReason is null ? 0 : 1;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
