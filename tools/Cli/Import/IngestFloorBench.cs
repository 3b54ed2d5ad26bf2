using System.Diagnostics;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.DevInfra.Kafka;
using BackOfficeCloud.DevInfra.Postgres;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Kafka;
using BackOfficeCloud.Messaging.Publishing;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Cli.Import;

/// <param name="Leg">rows, outbox or kafka.</param>
/// <param name="PostgresMicros">PostgreSQL's CPU per record.</param>
/// <param name="ProcessMicros">This process's CPU per record (the COPY client; for kafka the producer, dev broker and reader).</param>
internal sealed record IngestFloorResult(string Leg, int Records, double Seconds, double PostgresMicros, double ProcessMicros, double WalBytes);

/// <summary>
/// The least CPU each leg of <c>bench ingest</c> can cost on this machine, each measured alone with nothing of the
/// service in it: the interactions themselves in one binary COPY per 10,000 into the migrated table (as the superuser,
/// past row-level security, which refuses COPY to the service's role); their CloudEvents batches in the outbox (binary
/// COPY) and taken out again as the relay does; the same batches through the dev broker to the bench's topic reader.
/// The COPY rows are written with the importer's synchronous calls, its cheapest (a full buffer is sent blocking).
/// </summary>
internal static class IngestFloorBench
{
    private const string Tenant = "bench-floor";
    private const int RowsPerCopy = 10_000;
    private const int OutboxRowsPerCopy = 100;
    private const int OutboxRowsPerTake = 20;
    private const int BatchesPerPublish = 20;

    public static async Task RunAsync(int records, Action<IngestFloorResult> report, CancellationToken cancellationToken)
    {
        await using var postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions(Durable: true), cancellationToken);
        await IngestBench.SpaceOutCheckpointsAsync(postgres, cancellationToken);
        using var broker = KafkaDevBroker.Start();
        broker.CreateTopicsWithDeadLetters(Topics.All, IngestBench.Partitions);
        await using (await IngestionProcess.StartAsync(postgres, broker.BootstrapServers, cancellationToken))
        {
            // started once so that it migrates its schema: the legs write its tables
        }

        await using var superuser = NpgsqlDataSource.Create(postgres.SuperuserConnectionString);
        // built before any clock starts, as bench ingest encodes its requests first
        var interactions = Enumerable.Range(0, records).Select(IngestBench.Interaction).ToArray();
        var batches = Batches(interactions);
        IngestFloorResult[] legs =
        [
            await MeasureAsync("rows", records, superuser, () => CopyRowsAsync(superuser, interactions, cancellationToken), cancellationToken),
            await MeasureAsync("outbox", records, superuser, () => OutboxAsync(superuser, batches, cancellationToken), cancellationToken),
            await MeasureAsync("kafka", records, superuser, () => KafkaAsync(broker.BootstrapServers, batches, records, cancellationToken), cancellationToken),
        ];
        Array.ForEach(legs, report);
        Console.Error.WriteLine(
            $"ingest-floor: {legs.Sum(l => l.PostgresMicros + l.ProcessMicros):F1} µs of CPU per record for the legs alone; " +
            $"100,000 records/s on this machine's {Environment.ProcessorCount} cores allows {Environment.ProcessorCount * 10.0:F0} µs per record for everything");
    }

    private static async Task<IngestFloorResult> MeasureAsync(
        string leg, int records, NpgsqlDataSource superuser, Func<Task> run, CancellationToken cancellationToken)
    {
        await using (var checkpoint = superuser.CreateCommand("CHECKPOINT"))
        {
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }

        var cpu = await CpuMeter.ForAsync(superuser, cancellationToken);
        var (before, walBefore) = (cpu.Read(), await IngestBench.WalPositionAsync(superuser, cancellationToken));
        var clock = Stopwatch.StartNew();
        await run();
        var seconds = clock.Elapsed.TotalSeconds;
        var (after, walAfter) = (cpu.Read(), await IngestBench.WalPositionAsync(superuser, cancellationToken));
        return new IngestFloorResult(leg, records, Math.Round(seconds, 3), PerRecord(after.Postgres - before.Postgres, records),
            PerRecord(after.Process - before.Process, records), Math.Round((walAfter - walBefore) / (double)records, 0));
    }

    private static double PerRecord(TimeSpan cpu, int records) => Math.Round(cpu.TotalMicroseconds / records, 2);

    private static async Task CopyRowsAsync(NpgsqlDataSource superuser, Interaction[] interactions, CancellationToken cancellationToken)
    {
        for (var first = 0; first < interactions.Length; first += RowsPerCopy)
        {
            await using var connection = await superuser.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY ingestion.interactions (tenant_id, source_id, interaction_id, channel, queue, arrived_at, answered_at, ended_at, " +
                "talk_seconds, hold_seconds, wrap_seconds, customer_ref) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var r in interactions.AsSpan(first, Math.Min(RowsPerCopy, interactions.Length - first)))
                {
                    copy.StartRow();
                    copy.Write(Tenant, NpgsqlDbType.Text);
                    copy.Write(r.SourceId, NpgsqlDbType.Text);
                    copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    copy.Write(IngestBench.ChannelName(r), NpgsqlDbType.Text);
                    copy.Write(r.Queue, NpgsqlDbType.Text);
                    copy.Write(r.ArrivedAt.ToDateTime(), NpgsqlDbType.TimestampTz);
                    copy.Write(r.AnsweredAt.ToDateTime(), NpgsqlDbType.TimestampTz);
                    copy.Write(r.EndedAt.ToDateTime(), NpgsqlDbType.TimestampTz);
                    copy.Write(r.TalkSeconds, NpgsqlDbType.Double);
                    copy.Write(r.HoldSeconds, NpgsqlDbType.Double);
                    copy.Write(r.WrapSeconds, NpgsqlDbType.Double);
                    copy.Write(r.CustomerRef, NpgsqlDbType.Text);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The records' events as Ingestion puts them in its outbox: CloudEvents batches made by the platform's
    /// <see cref="EnvelopeFactory"/> at Messaging's default batch limits.
    /// </summary>
    private static IReadOnlyList<OutboundMessage> Batches(Interaction[] interactions)
    {
        var events = Array.ConvertAll(interactions, r =>
        {
            var id = Guid.NewGuid().ToString();
            return new OutgoingEvent(Topics.IngestionInteractions, EventTypes.InteractionIngested, Tenant, id, new InteractionIngested
            {
                InteractionId = id, SourceId = r.SourceId, Channel = IngestBench.ChannelName(r), Queue = r.Queue, ArrivedAt = r.ArrivedAt,
                AnsweredAt = r.AnsweredAt, EndedAt = r.EndedAt, HandleSeconds = r.TalkSeconds + r.HoldSeconds + r.WrapSeconds, Version = 1,
                CustomerRef = r.CustomerRef,
            });
        });
        var limits = new MessagingOptions();
        return new EnvelopeFactory("ingestion", TimeProvider.System).CreateBatches($"{Tenant}:interactions", events, limits.BatchMaxEvents, limits.BatchMaxBytes);
    }

    private static async Task OutboxAsync(NpgsqlDataSource superuser, IReadOnlyList<OutboundMessage> batches, CancellationToken cancellationToken)
    {
        for (var first = 0; first < batches.Count; first += OutboxRowsPerCopy)
        {
            await using var connection = await superuser.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY ingestion.outbox (tenant_id, topic, message_key, event_type, envelope, batch_events) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var batch in batches.Skip(first).Take(OutboxRowsPerCopy))
                {
                    copy.StartRow();
                    copy.Write(Tenant, NpgsqlDbType.Text);
                    copy.Write(Topics.IngestionInteractions, NpgsqlDbType.Text);
                    copy.Write($"{Tenant}:interactions", NpgsqlDbType.Text);
                    copy.Write(EventTypes.InteractionIngested, NpgsqlDbType.Text);
                    copy.Write(batch.Envelope, NpgsqlDbType.Bytea);
                    copy.Write(batch.BatchEvents!.Value, NpgsqlDbType.Integer);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // as the relay takes them: the oldest rows, deleted, their envelopes returned
        while (true)
        {
            await using var connection = await superuser.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var take = new NpgsqlCommand(
                $"DELETE FROM ingestion.outbox WHERE id = ANY(ARRAY(SELECT id FROM ingestion.outbox ORDER BY id LIMIT {OutboxRowsPerTake})) RETURNING envelope",
                connection, transaction);
            var taken = 0;
            await using (var reader = await take.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    taken += reader.GetFieldValue<byte[]>(0).Length > 0 ? 1 : 0;
                }
            }

            await transaction.CommitAsync(cancellationToken);
            if (taken == 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The batches through the platform's Kafka transport, set up as the bench's Ingestion process is (its producer, its
    /// compression), a few batches per call as the relay publishes them, and read back by the bench's reader.
    /// </summary>
    private static async Task KafkaAsync(string bootstrapServers, IReadOnlyList<OutboundMessage> batches, int records, CancellationToken cancellationToken)
    {
        using var counter = new TopicCounter(bootstrapServers, IngestBench.Partitions, Tenant, records);
        using var clients = new KafkaClients(
            Options.Create(new KafkaOptions { BootstrapServers = bootstrapServers, Compression = IngestionProcess.Compression }), new EventBusIdentity("ingestion"));
        var transport = new KafkaEventTransport(clients);
        var published = 0L;
        foreach (var call in batches.Chunk(BatchesPerPublish))
        {
            // the dev broker keeps about 5 MB of log per partition: stay within 20,000 events of the reader
            while (published - counter.Events > 20_000)
            {
                await Task.Delay(1, cancellationToken);
            }

            await transport.PublishAsync(call, cancellationToken);
            published += call.Sum(m => m.BatchEvents ?? 1);
        }

        await counter.WaitForAsync(records, TimeSpan.FromSeconds(60), cancellationToken);
    }
}
