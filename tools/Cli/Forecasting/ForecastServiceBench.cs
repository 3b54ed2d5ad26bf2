using System.CommandLine;
using System.Diagnostics;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.DevInfra;
using BackOfficeCloud.DevInfra.Kafka;
using BackOfficeCloud.DevInfra.Postgres;
using BackOfficeCloud.Forecasting.Extensions;
using BackOfficeCloud.Messaging.Outbox;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;
using BackOfficeCloud.ServiceDefaults;
using BackOfficeCloud.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BackOfficeCloud.Cli.Forecasting;

/// <summary>
/// `bocloud bench forecast-service`: the Forecasting service (its real composition, on Kestrel) with a throwaway
/// PostgreSQL and the Kafka dev broker; a generated 26-week 30-minute series arrives as interval-statistics events.
/// Times, after one warm-up of each, CreateForecast until its job completed (two weeks, auto) and ForecastSeries with
/// the same history inline.
/// </summary>
internal static class ForecastServiceBench
{
    private const string Tenant = "bench-tenant";
    private const int IntervalMinutes = 30;
    private const int Weeks = 26;
    private static readonly TimeZoneInfo Zone = LocalTime.FindZone("Europe/Amsterdam");
    private static readonly DateOnly FirstDay = new(2025, 1, 6);

    public static Command Create()
    {
        var command = new Command("forecast-service", "Time one 26-week 30-minute series through the Forecasting service API");
        command.SetAction((ParseResult _, CancellationToken ct) => RunAsync(ct));
        return command;
    }

    private static async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions(), cancellationToken);
        using var broker = KafkaDevBroker.Start();
        broker.CreateTopicsWithDeadLetters(Topics.All, partitions: 6);
        var grpcPort = FreePort.Next();
        await using var app = BuildService(postgres, broker, grpcPort);
        await app.StartAsync(cancellationToken);

        var series = SyntheticSeries.Generate(Zone, FirstDay, Weeks, IntervalMinutes, seed: 1);
        foreach (var queue in new[] { "warm-up", "measured" })
        {
            await PublishHistoryAsync(app.Services, queue, series, cancellationToken);
        }

        await WaitForHistoryAsync(app.Services, 2 * (series.Points.Count + 1), cancellationToken);
        var key = await app.Services.GetRequiredService<IdentityStore>().CreateApiKeyAsync(Tenant, Roles.Planner, "bench", cancellationToken);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        var client = new ForecastingService.ForecastingServiceClient(channel);
        var headers = new Metadata { { PlatformAuthenticationHandler.ApiKeyHeader, key } };
        var horizonStart = LocalTime.StartOfDay(Zone, FirstDay.AddDays(7 * Weeks));

        await CreateForecastAsync(client, headers, "warm-up", horizonStart, cancellationToken);
        var job = Stopwatch.StartNew();
        await CreateForecastAsync(client, headers, "measured", horizonStart, cancellationToken);
        job.Stop();

        var inline = new ForecastSeriesRequest { IntervalMinutes = IntervalMinutes, Horizon = 14 * 1440 / IntervalMinutes, TimeZone = Zone.Id };
        inline.History.AddRange(series.Points.Select(p => new SeriesPoint { Timestamp = Timestamp.FromDateTimeOffset(p.Interval.StartUtc), Value = p.Value }));
        await client.ForecastSeriesAsync(inline, headers, cancellationToken: cancellationToken);
        var direct = Stopwatch.StartNew();
        await client.ForecastSeriesAsync(inline, headers, cancellationToken: cancellationToken);
        direct.Stop();

        await app.StopAsync(CancellationToken.None);
        Console.WriteLine(JsonLine.Write(new BenchLine(
            "forecast_service", Math.Round(job.Elapsed.TotalSeconds, 3), Math.Round(direct.Elapsed.TotalSeconds, 3), series.Points.Count, PeakRss.Megabytes())));
    }

    private static WebApplication BuildService(LocalPostgres postgres, KafkaDevBroker broker, int grpcPort)
    {
        var builder = WebApplication.CreateBuilder();
        // stdout carries the one JSON result line; the service's own warnings go to stderr.
        builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = postgres.AppConnectionString,
            ["ConnectionStrings:postgres-admin"] = postgres.OwnerConnectionString,
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Ports:Http"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ports:Grpc"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ports:LoopbackOnly"] = "true",
        });
        builder.AddServiceDefaults(ServiceNames.Forecasting);
        builder.AddForecasting();
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapForecasting();
        return app;
    }

    /// <summary>The series as the ACD's 30-minute interval rows, through the outbox and the broker like Ingestion's events.</summary>
    private static async Task PublishHistoryAsync(IServiceProvider services, string queue, IntervalSeries series, CancellationToken cancellationToken)
    {
        var events = series.Points.Select(p => new OutgoingEvent(
            Topics.IngestionIntervalStats, EventTypes.IntervalStatisticIngested, Tenant, $"{queue}@{p.Interval.StartUtc:O}",
            new IntervalStatisticIngested
            {
                Queue = queue,
                IntervalStart = Timestamp.FromDateTimeOffset(p.Interval.StartUtc),
                IntervalMinutes = IntervalMinutes,
                Offered = (long)p.Value,
                Handled = (long)p.Value,
                AverageHandleSeconds = 300,
                Version = 1,
            }))
            .Append(new OutgoingEvent(Topics.IngestionRoster, EventTypes.RosterQueueUpdated, Tenant, queue,
                new RosterQueueUpdated { Queue = queue, TimeZone = Zone.Id, Version = 1 }))
            .ToList();
        var (connection, transaction) = await services.GetRequiredService<NpgsqlDataSource>().OpenTenantTransactionAsync(Tenant, cancellationToken);
        await using (connection)
        await using (transaction)
        {
            await services.GetRequiredService<IEventOutbox>().EnqueueAsync(transaction, events, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task WaitForHistoryAsync(IServiceProvider services, int events, CancellationToken cancellationToken)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(Tenant, cancellationToken);
            await using (connection)
            {
                await using var count = new NpgsqlCommand("SELECT count(*) FROM forecasting.inbox", connection, transaction);
                if ((long)(await count.ExecuteScalarAsync(cancellationToken))! >= events)
                {
                    return;
                }
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"The service did not apply the {events} history events within 5 minutes.");
    }

    private static async Task CreateForecastAsync(
        ForecastingService.ForecastingServiceClient client, Metadata headers, string queue, DateTimeOffset horizonStart, CancellationToken cancellationToken)
    {
        var created = await client.CreateForecastAsync(new CreateForecastRequest
        {
            Queues = { queue },
            HorizonStart = Timestamp.FromDateTimeOffset(horizonStart),
            Days = 14,
            IntervalMinutes = IntervalMinutes,
        }, headers, cancellationToken: cancellationToken);
        using var watch = client.WatchForecastJob(new GetForecastJobRequest { JobId = created.JobId }, headers, cancellationToken: cancellationToken);
        ForecastJob last = new();
        await foreach (var update in watch.ResponseStream.ReadAllAsync(cancellationToken))
        {
            last = update;
        }

        if (last.State != JobState.Succeeded)
        {
            throw new InvalidOperationException($"The forecast job of {queue} ended {last.State}: {last.Error}");
        }
    }

    /// <param name="Seconds">CreateForecast until its job completed (watched on the stream).</param>
    /// <param name="ForecastSeriesSeconds">ForecastSeries with the history inline.</param>
    private sealed record BenchLine(string Bench, double Seconds, double ForecastSeriesSeconds, int HistoryIntervals, double PeakRssMb);
}
