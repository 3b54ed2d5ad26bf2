using System.Diagnostics;
using System.Globalization;
using BackOfficeCloud.Cli.Bus.Events;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Data;
using BackOfficeCloud.DevInfra.Kafka;
using BackOfficeCloud.DevInfra.Postgres;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Migrations;
using BackOfficeCloud.Messaging.Observability;
using BackOfficeCloud.Messaging.Outbox;
using BackOfficeCloud.Messaging.Publishing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BackOfficeCloud.Cli.Bus;

/// <param name="Events">How many events to send.</param>
/// <param name="Rate">Events per second the writers offer (0 = as fast as they can).</param>
/// <param name="Tenants">Tenants the events are spread over (one outbox transaction per tenant batch).</param>
/// <param name="Batched">Writers enqueue CloudEvents batches (one key per tenant) instead of one CloudEvent per event.</param>
/// <param name="Writers">Concurrent writers, each a loop of outbox transactions (as a service's concurrent requests are).</param>
internal sealed record BusBenchmarkOptions(int Events, int Rate, int Tenants, bool Batched, int Writers);

/// <param name="Seconds">From the first event published (written to the outbox) to the last one applied.</param>
internal sealed record BusBenchmarkResult(int Events, double Seconds, double PerSecond, long Lost, long Duplicated, double P99LatencyMs);

/// <summary>
/// The whole path a state change's event takes: outbox insert in a tenant transaction, relay, Kafka (the dev broker),
/// consumer, inbox and effect in one transaction. Loss and duplication are counted from the effect rows.
/// </summary>
internal static class BusBenchmark
{
    private const string Topic = "bench.workitems";
    private const string EventType = "backoffice.bench.v1.WorkItemReceived";
    private const string Schema = "bench";
    private const int WriterBatch = 250;
    private const int WarmUpFraction = 10;
    private const int WarmUpWaves = 40;

    public static async Task<BusBenchmarkResult> RunAsync(BusBenchmarkOptions options, CancellationToken cancellationToken)
    {
        await using var postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions(Durable: true), cancellationToken);
        using var broker = KafkaDevBroker.Start();
        broker.CreateTopicsWithDeadLetters([Topic], partitions: 6);

        using var host = BuildHost(postgres, broker);
        await host.StartAsync(cancellationToken);
        try
        {
            var tenants = Enumerable.Range(0, options.Tenants).Select(i => $"bench-tenant-{i}").ToArray();
            var progress = host.Services.GetRequiredService<BenchProgress>();
            await using var superuser = NpgsqlDataSource.Create(postgres.SuperuserConnectionString);
            // Warm-up: the same path, with sequence numbers after the measured ones, so that the measured events meet
            // compiled code, pooled connections and a joined consumer group, as in a service that has been running. It goes
            // in waves, each applied before the next, so that the relay and the consumer also run their per-batch code
            // often enough for the runtime to finish compiling it (tiered compilation) before the measurement starts.
            var warmUp = Math.Max(WarmUpWaves, options.Events / WarmUpFraction);
            for (var wave = 0; wave < WarmUpWaves; wave++)
            {
                var first = wave * (warmUp / WarmUpWaves);
                var count = wave == WarmUpWaves - 1 ? warmUp - first : warmUp / WarmUpWaves;
                await WriteAllAsync(host.Services, tenants, options.Events + first, count, 0, options, cancellationToken);
                await WaitUntilAppliedAsync(progress, superuser, first + count, cancellationToken);
            }

            var cpu = await CpuMeter.ForAsync(superuser, cancellationToken);
            var cpuBefore = cpu.Read();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var collectionsBefore = GC.CollectionCount(0);
            var writing = Stopwatch.StartNew();
            await WriteAllAsync(host.Services, tenants, 0, options.Events, options.Rate, options, cancellationToken);
            Console.Error.WriteLine(
                $"bench bus: the writers took {writing.Elapsed.TotalSeconds:F2} s; by then {MessagingMetrics.Published.WithLabels(Topic).Value - warmUp:F0} " +
                $"events were published to Kafka and {progress.Applied - warmUp} applied");
            await WaitUntilAppliedAsync(progress, superuser, warmUp + options.Events, cancellationToken);
            var cpuAfter = cpu.Read();
            Console.Error.WriteLine(
                $"bench bus: CPU per event {PerEvent(cpuAfter.Process - cpuBefore.Process, options.Events)} µs in this process (writers, relay, " +
                $"dev broker, consumer) and {PerEvent(cpuAfter.Postgres - cpuBefore.Postgres, options.Events)} µs in PostgreSQL; " +
                $"{(GC.GetTotalAllocatedBytes() - allocatedBefore) / options.Events} bytes allocated per event, {GC.CollectionCount(0) - collectionsBefore} collections");
            return await MeasureAsync(superuser, options.Events, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static IHost BuildHost(LocalPostgres postgres, KafkaDevBroker broker)
    {
        var builder = Host.CreateApplicationBuilder();
        // stdout carries the one JSON result line; the platform's own warnings go to stderr.
        builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = postgres.AppConnectionString,
            ["ConnectionStrings:postgres-admin"] = postgres.OwnerConnectionString,
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Messaging:OutboxWorkers"] = "2",
            ["Messaging:OutboxBatchSize"] = "5000",
            ["Messaging:OutboxPollInterval"] = "00:00:00.005",
            ["Messaging:ConsumerBatchSize"] = "5000",
        });
        builder.AddServiceDatabase(Schema, MessagingMigrations.Assembly, typeof(BusBenchmark).Assembly);
        builder.Services.AddSingleton<BenchProgress>();
        builder.AddEventBus("bench").Publishes(Topic).HandlesBatch<BenchWorkItem, BenchApplyHandler>(Topic, EventType);
        return builder.Build();
    }

    private static Task WriteAllAsync(
        IServiceProvider services, string[] tenants, long firstSequence, int count, int rate, BusBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var writers = options.Writers;
        var perWriter = count / writers;
        return Task.WhenAll(Enumerable.Range(0, writers).Select(w => WriteAsync(
            services, tenants, firstSequence + (w * perWriter), w == writers - 1 ? count - (w * perWriter) : perWriter, rate / (double)writers,
            options.Batched, cancellationToken)));
    }

    private static async Task WriteAsync(
        IServiceProvider services, string[] tenants, long firstSequence, int count, double rate, bool batched, CancellationToken cancellationToken)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var outbox = services.GetRequiredService<IEventOutbox>();
        var clock = Stopwatch.StartNew();
        for (var written = 0; written < count; written += WriterBatch)
        {
            if (rate > 0 && TimeSpan.FromSeconds(written / rate) is var due && due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            var tenant = tenants[(firstSequence / WriterBatch + (written / WriterBatch)) % tenants.Length];
            var batch = Enumerable.Range(written, Math.Min(WriterBatch, count - written)).Select(i => Event(tenant, firstSequence + i)).ToList();
            var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, cancellationToken);
            await using (connection)
            await using (transaction)
            {
                await (batched
                    ? outbox.EnqueueBatchAsync(transaction, $"{tenant}:workitems", batch, cancellationToken)
                    : outbox.EnqueueAsync(transaction, batch, cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }
        }
    }

    // About 300 bytes of payload JSON, like a work item with a short description.
    private static OutgoingEvent Event(string tenant, long sequence) => new(Topic, EventType, tenant, $"item-{sequence}", new BenchWorkItem
    {
        Sequence = sequence,
        ItemId = $"item-{sequence}",
        Queue = "claims-priority",
        EffortMinutes = (int)(sequence % 90) + 5,
        Deadline = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 30, 17, 0, 0, TimeSpan.Zero)),
        Summary = "Refund request for order 4471-2209: customer reports a duplicate charge on the March invoice; verify and refund",
    });

    private static string PerEvent(TimeSpan cpu, int events) => (cpu.TotalMicroseconds / events).ToString("F1", CultureInfo.InvariantCulture);

    // The handler's count runs just ahead of the commits; the table is counted only once that says all are in.
    private static async Task WaitUntilAppliedAsync(BenchProgress progress, NpgsqlDataSource superuser, long events, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(10)
               && (progress.Applied < events || await ScalarAsync(superuser, $"SELECT count(DISTINCT sequence) FROM {Schema}.bench_applied", cancellationToken) < events))
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private static async Task<BusBenchmarkResult> MeasureAsync(NpgsqlDataSource superuser, int events, CancellationToken cancellationToken)
    {
        await using var command = superuser.CreateCommand($"""
            SELECT count(DISTINCT sequence), count(*),
                   extract(epoch FROM max(applied_at) - min(published_at)),
                   1000 * extract(epoch FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY applied_at - published_at))
            FROM {Schema}.bench_applied WHERE sequence < $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (long)events });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var distinct = reader.GetInt64(0);
        var seconds = (double)reader.GetDecimal(2);
        return new BusBenchmarkResult(
            events, Math.Round(seconds, 3), Math.Round(distinct / seconds, 0), events - distinct, reader.GetInt64(1) - distinct,
            Math.Round((double)reader.GetDecimal(3), 1));
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
