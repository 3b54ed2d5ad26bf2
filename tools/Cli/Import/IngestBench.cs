using System.Diagnostics;
using System.Globalization;
using System.Text;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.DevInfra.Kafka;
using BackOfficeCloud.DevInfra.Postgres;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;

namespace BackOfficeCloud.Cli.Import;

/// <param name="Records">Interactions sent.</param>
/// <param name="Streams">Concurrent client streams (gRPC path).</param>
/// <param name="Batch">Interactions per streamed message (one transaction each).</param>
/// <param name="Sources">Which paths to run: grpc, csv or both.</param>
internal sealed record IngestBenchOptions(int Records, int Streams, int Batch, IReadOnlyList<string> Sources);

/// <param name="Source">grpc (client streaming) or csv (an import).</param>
/// <param name="Seconds">From the first record sent to the last event read back from Kafka.</param>
/// <param name="Lost">Records missing from the table or from the topic (by source id).</param>
/// <param name="Duplicated">Events on the topic beyond one per source id.</param>
internal sealed record IngestBenchResult(string Source, int Records, double Seconds, double PerSecond, long Lost, long Duplicated, double PeakRssMb);

/// <summary>
/// Interactions into a freshly started Ingestion process (its own durable PostgreSQL — fsync and synchronous commit on,
/// as in production — and dev broker), through gRPC client streaming or a CSV import, stored, put in the outbox,
/// relayed to Kafka and read back from the topic.
/// </summary>
internal static class IngestBench
{
    private const int Queues = 10;
    internal const int Partitions = 6;

    /// <summary><c>StreamInteractions</c> with requests that are already encoded.</summary>
    private static readonly Method<byte[], IngestResult> StreamEncodedInteractions = new(
        MethodType.ClientStreaming, IngestionService.Descriptor.FullName, nameof(IngestionService.IngestionServiceClient.StreamInteractions),
        Marshallers.Create(request => request, request => request), Marshallers.Create(result => result.ToByteArray(), IngestResult.Parser.ParseFrom));
    private const int Customers = 200_000;
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(IngestBenchOptions options, Action<IngestBenchResult> report, CancellationToken cancellationToken)
    {
        await using var postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions(Durable: true), cancellationToken);
        await SpaceOutCheckpointsAsync(postgres, cancellationToken);
        using var broker = KafkaDevBroker.Start();
        broker.CreateTopicsWithDeadLetters(Topics.All, Partitions);
        if (options.Sources.Contains("grpc"))
        {
            var requests = StreamRequests(options);
            report(await MeasureAsync("grpc", postgres, broker.BootstrapServers, options,
                (channel, ct) => StreamAsync(channel, requests, ct), cancellationToken));
        }

        if (!options.Sources.Contains("csv"))
        {
            return;
        }

        var csv = Path.Combine(Path.GetTempPath(), $"bocloud-ingest-{Guid.NewGuid():N}.csv");
        try
        {
            await WriteCsvAsync(csv, options.Records, cancellationToken);
            report(await MeasureAsync("csv", postgres, broker.BootstrapServers, options,
                (channel, ct) => ImportAsync(new IngestionService.IngestionServiceClient(channel), csv, ct), cancellationToken));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    /// <summary>
    /// A million records write some 0.6 GB of WAL (rows, index entries, outbox): with the default max_wal_size (1 GB) a
    /// checkpoint starts about every half gigabyte, in the middle of the run, and the first change of every page after it
    /// writes the whole page to the WAL again. Durability is untouched (fsync and synchronous commit stay on); a crash
    /// would only replay more WAL.
    /// </summary>
    internal static async Task SpaceOutCheckpointsAsync(LocalPostgres postgres, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(postgres.SuperuserConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var sql in new[] { "ALTER SYSTEM SET max_wal_size = '16GB'", "ALTER SYSTEM SET checkpoint_timeout = '30min'", "SELECT pg_reload_conf()" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Each run gets a new service process (so its peak memory is its own) and a new tenant.</summary>
    private static async Task<IngestBenchResult> MeasureAsync(
        string name, LocalPostgres postgres, string kafka, IngestBenchOptions options,
        Func<GrpcChannel, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var tenant = $"bench-{name}";
        await using var service = await IngestionProcess.StartAsync(postgres, kafka, cancellationToken);
        var (channel, client) = IngestionClient.Connect(service.GrpcUrl, await IngestionProcess.ApiKeyAsync(postgres, tenant, cancellationToken));
        using (channel)
        using (var counter = new TopicCounter(kafka, Partitions, tenant, options.Records))
        {
            await client.IngestRosterAsync(Roster(), cancellationToken: cancellationToken);
            await using var superuser = NpgsqlDataSource.Create(postgres.SuperuserConnectionString);
            var cpu = await CpuMeter.ForAsync(superuser, cancellationToken);
            var (before, serviceBefore, walBefore) = (cpu.Read(), service.Cpu(), await WalPositionAsync(superuser, cancellationToken));
            var runtimeBefore = await service.RuntimeCountersAsync(cancellationToken);
            var clock = Stopwatch.StartNew();
            await send(channel, cancellationToken);
            Console.Error.WriteLine($"{name}: sent and stored in {clock.Elapsed.TotalSeconds:F1} s");
            await counter.WaitForAsync(options.Records, TimeSpan.FromSeconds(60), cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            var (after, serviceAfter, walAfter) = (cpu.Read(), service.Cpu(), await WalPositionAsync(superuser, cancellationToken));
            var runtimeAfter = await service.RuntimeCountersAsync(cancellationToken);
            Console.Error.WriteLine($"{name}: CPU per record {PerRecord(serviceAfter - serviceBefore, options.Records)} µs in Ingestion, " +
                $"{PerRecord(after.Postgres - before.Postgres, options.Records)} µs in PostgreSQL, {PerRecord(after.Process - before.Process, options.Records)} µs in the bench " +
                $"(client, dev broker, topic reader); WAL {(walAfter - walBefore) / (double)options.Records:F0} bytes per record");
            Console.Error.WriteLine($"{name}: in Ingestion {runtimeAfter.PerRecord(runtimeBefore, options.Records)}");
            var distinct = counter.Distinct;
            var stored = await StoredAsync(superuser, tenant, cancellationToken);
            Console.Error.WriteLine($"{name}: {stored} rows stored, {distinct} source ids in {counter.Events} events on the topic");
            return new IngestBenchResult(name, options.Records, Math.Round(seconds, 3), Math.Round(distinct / seconds, 0),
                options.Records - Math.Min(stored, distinct), counter.Events - distinct, service.PeakRssMegabytes());
        }
    }

    private static string PerRecord(TimeSpan cpu, int records) => (cpu.TotalMicroseconds / records).ToString("F1", CultureInfo.InvariantCulture);

    internal static async Task<long> WalPositionAsync(NpgsqlDataSource superuser, CancellationToken cancellationToken)
    {
        await using var command = superuser.CreateCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The tenant's rows in the table (as the superuser, past row-level security).</summary>
    private static async Task<long> StoredAsync(NpgsqlDataSource superuser, string tenant, CancellationToken cancellationToken)
    {
        await using var count = superuser.CreateCommand("SELECT count(*) FROM ingestion.interactions WHERE tenant_id = $1");
        count.Parameters.Add(new NpgsqlParameter { Value = tenant });
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Each stream's messages (<c>IngestInteractionsRequest</c>s of <see cref="IngestBenchOptions.Batch"/> records), encoded
    /// before the clock starts: the bench stands in for sources that already hold their records, and building and encoding
    /// a million of them during the run took about a third of the bench process's CPU on the cores the service shares. The
    /// service receives the same bytes.
    /// </summary>
    private static byte[][][] StreamRequests(IngestBenchOptions options)
    {
        var perStream = (options.Records + options.Streams - 1) / options.Streams;
        return [.. Enumerable.Range(0, options.Streams).Select(s =>
        {
            var end = Math.Min(options.Records, (s + 1) * perStream);
            var requests = new List<byte[]>();
            for (var first = s * perStream; first < end; first += options.Batch)
            {
                var request = new IngestInteractionsRequest();
                for (var i = first; i < Math.Min(end, first + options.Batch); i++)
                {
                    request.Interactions.Add(Interaction(i));
                }

                requests.Add(request.ToByteArray());
            }

            return requests.ToArray();
        })];
    }

    private static async Task StreamAsync(GrpcChannel channel, byte[][][] streams, CancellationToken cancellationToken)
    {
        var invoker = channel.CreateCallInvoker();
        await Task.WhenAll(streams.Select(async requests =>
        {
            using var call = invoker.AsyncClientStreamingCall(StreamEncodedInteractions, null, new CallOptions(cancellationToken: cancellationToken));
            foreach (var request in requests)
            {
                await call.RequestStream.WriteAsync(request, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            var result = await call;
            if (result.Rejected > 0)
            {
                throw new InvalidOperationException($"the service rejected {result.Rejected} bench records: {result.Errors[0]}");
            }
        }));
    }

    private static async Task ImportAsync(IngestionService.IngestionServiceClient client, string csv, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(csv);
        var job = await IngestionClient.UploadAsync(client, new ImportHeader { Kind = RecordKind.Interaction, FileName = Path.GetFileName(csv) }, file, cancellationToken);
        if (job.Status != ImportJobStatus.Succeeded || job.Rejected > 0)
        {
            throw new InvalidOperationException($"the bench import ended {job.Status} with {job.Rejected} rejected rows: {job.Failure}");
        }
    }

    /// <summary>The record's channel as a CSV file or the table spells it (the bench's records are voice or chat).</summary>
    internal static string ChannelName(Interaction record) => record.Channel == Channel.Chat ? "chat" : "voice";

    internal static Interaction Interaction(int i)
    {
        var arrived = Start.AddSeconds(i * 2);
        return new Interaction
        {
            SourceId = $"call-{i}",
            Channel = i % 4 == 0 ? Channel.Chat : Channel.Voice,
            Queue = $"queue-{i % Queues}",
            ArrivedAt = Timestamp.FromDateTimeOffset(arrived),
            AnsweredAt = Timestamp.FromDateTimeOffset(arrived.AddSeconds(i % 40)),
            EndedAt = Timestamp.FromDateTimeOffset(arrived.AddSeconds(240 + (i % 300))),
            TalkSeconds = 180 + (i % 240),
            HoldSeconds = i % 30,
            WrapSeconds = 30,
            CustomerRef = $"cust-{i % Customers}",
        };
    }

    private static async Task WriteCsvAsync(string path, int records, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        await writer.WriteLineAsync("source_id,channel,queue,arrived_at,answered_at,ended_at,talk_seconds,hold_seconds,wrap_seconds,customer_ref");
        for (var i = 0; i < records; i++)
        {
            var r = Interaction(i);
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{r.SourceId},{ChannelName(r)},{r.Queue},{r.ArrivedAt.ToDateTimeOffset():O},{r.AnsweredAt.ToDateTimeOffset():O},{r.EndedAt.ToDateTimeOffset():O},{r.TalkSeconds},{r.HoldSeconds},{r.WrapSeconds},{r.CustomerRef}").AsMemory(), cancellationToken);
        }
    }

    private static IngestRosterRequest Roster()
    {
        var roster = new IngestRosterRequest();
        roster.Queues.AddRange(Enumerable.Range(0, Queues).Select(q => new RosterQueue
        {
            Queue = $"queue-{q}", Channel = q % 4 == 0 ? Channel.Chat : Channel.Voice, TargetServiceLevel = 0.8, TargetSeconds = 20, TimeZone = "Europe/Berlin",
        }));
        return roster;
    }
}
