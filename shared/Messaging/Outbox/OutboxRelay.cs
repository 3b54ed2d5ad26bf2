using System.Buffers;
using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Observability;
using BackOfficeCloud.Messaging.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOfficeCloud.Messaging.Outbox;

/// <summary>
/// Publishes the outbox: each transaction deletes the oldest batches of rows, publishes them in outbox order and commits
/// only after the broker acknowledged every one. One relay transaction runs at a time per schema (a transaction-level
/// advisory lock; other loops and replicas wait for their turn), so batches leave in outbox order, which keeps the order
/// of each entity's events, and rows need no row locks. A crash before commit leaves the rows for the next relay
/// (at-least-once: consumers skip what they already applied).
/// </summary>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource, ServiceSchema schema, IEventTransport transport, IOptions<MessagingOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan BacklogInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ErrorBackoff = TimeSpan.FromSeconds(1);

    // The oldest rows holding up to $1 events (a batch row counts its events; the first row always goes).
    private readonly string _take = $"""
        DELETE FROM {schema.Name}.outbox WHERE id = ANY(ARRAY(
            SELECT id FROM (
                SELECT id, coalesce(batch_events, 1) AS events, sum(coalesce(batch_events, 1)) OVER (ORDER BY id) AS through
                FROM {schema.Name}.outbox ORDER BY id LIMIT $1) AS oldest
            WHERE through - events < $1))
        RETURNING id, topic, message_key, envelope, batch_events, event_keys
        """;

    private readonly string _enterTurn =
        $"SELECT set_config('app.outbox_relay', 'on', true), pg_try_advisory_xact_lock(hashtextextended('{schema.Name}.outbox', 0))";

    /// <summary>
    /// Takes the turn and publishes a batch; while the outbox has a backlog (the batch was full), up to
    /// <c>OutboxBatchesPerTurn</c> batches in the same transaction, reading each next batch while the broker acknowledges the
    /// one before (a batch is published only after the one before was acknowledged, so outbox order holds on every
    /// transport). Commits after the last acknowledgement. Returns how many events it published (0 when the outbox is empty
    /// or another relay has the turn).
    /// </summary>
    public async Task<int> RelayTurnAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var enter = new NpgsqlCommand(_enterTurn, connection, transaction))
        await using (var turn = await enter.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await turn.ReadAsync(cancellationToken).ConfigureAwait(false) || !turn.GetBoolean(1))
            {
                return 0;
            }
        }

        var published = 0;
        var batch = await TakeAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        for (var taken = 1; batch.Messages.Count > 0; taken++)
        {
            var publishing = transport.PublishAsync(batch.Messages, cancellationToken);
            var next = taken < options.Value.OutboxBatchesPerTurn && batch.Full
                ? await TakeWhilePublishingAsync(connection, transaction, publishing, cancellationToken).ConfigureAwait(false)
                : Taken.None;
            await publishing.ConfigureAwait(false);
            published += batch.Messages.Sum(m => m.BatchEvents ?? 1);
            batch = next;
        }

        if (published > 0)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return published;
    }

    /// <summary>The next batch, read while <paramref name="publishing"/> runs; a failed read still waits for the publish, so no failure goes unobserved.</summary>
    private async Task<Taken> TakeWhilePublishingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Task publishing, CancellationToken cancellationToken)
    {
        try
        {
            return await TakeAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await publishing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    /// <summary>
    /// Deletes the oldest rows holding up to <c>OutboxBatchSize</c> events and returns their messages in outbox order, and
    /// whether the batch was full (counted as the statement counts: a batch row as its events, any other row as one).
    /// </summary>
    private async Task<Taken> TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = new List<(long Id, OutboundMessage[] Messages)>();
        var counted = 0;
        await using (var take = new NpgsqlCommand(_take, connection, transaction))
        {
            take.Parameters.Add(new NpgsqlParameter { Value = options.Value.OutboxBatchSize });
            await using var reader = await take.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetInt64(0), ReadMessages(reader)));
                counted += reader.IsDBNull(4) ? 1 : reader.GetInt32(4);
            }
        }

        // Rows come back in no particular order; publish in outbox order so events of one entity keep theirs.
        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        return new Taken([.. rows.SelectMany(r => r.Messages)], counted >= options.Value.OutboxBatchSize);
    }

    private sealed record Taken(List<OutboundMessage> Messages, bool Full)
    {
        public static Taken None { get; } = new([], false);
    }

    /// <summary>
    /// A row's message, or a packed row's events, each its own message under its own key, in order. A packed row is split
    /// from a pooled copy of its envelopes, so it needs no array of its own besides each event's.
    /// </summary>
    private static OutboundMessage[] ReadMessages(NpgsqlDataReader reader)
    {
        var topic = reader.GetString(1);
        if (reader.IsDBNull(5))
        {
            return [new OutboundMessage(topic, reader.GetString(2), reader.GetFieldValue<byte[]>(3), reader.IsDBNull(4) ? null : reader.GetInt32(4))];
        }

        var keys = reader.GetFieldValue<string[]>(5);
        var length = (int)reader.GetBytes(3, 0, null, 0, 0);
        var packed = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            reader.GetBytes(3, 0, packed, 0, length);
            var envelopes = CloudEventBatch.Split(packed.AsMemory(0, length));
            var messages = new OutboundMessage[envelopes.Count];
            for (var i = 0; i < messages.Length; i++)
            {
                messages[i] = new OutboundMessage(topic, keys[i], envelopes[i].ToArray());
            }

            return messages;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(packed);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, options.Value.OutboxWorkers).Select(_ => RelayLoopAsync(stoppingToken)).ToList();
        loops.Add(MeasureBacklogLoopAsync(stoppingToken));
        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    private async Task RelayLoopAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RelayTurnAsync(stoppingToken).ConfigureAwait(false) == 0)
                {
                    await Task.Delay(options.Value.OutboxPollInterval, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or Confluent.Kafka.KafkaException or Grpc.Core.RpcException or global::Dapr.DaprException or TimeoutException)
            {
                LogRelayFailed(ex);
                await DelayQuietlyAsync(ErrorBackoff, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task MeasureBacklogLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // PostgreSQL's running count of live rows: a count(*) would scan every row the relay deleted and vacuum has
                // not yet removed, which on a busy outbox is most of the table.
                await using var count = dataSource.CreateCommand(
                    $"SELECT coalesce(n_live_tup, 0) FROM pg_stat_user_tables WHERE relid = '{schema.Name}.outbox'::regclass");
                MessagingMetrics.OutboxBacklog.Set((long)(await count.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false) ?? 0L));
            }
            catch (NpgsqlException ex)
            {
                LogRelayFailed(ex);
            }

            await DelayQuietlyAsync(BacklogInterval, stoppingToken).ConfigureAwait(false);
        }
    }

    private static async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Outbox relay failed; the batch stays in the outbox and is retried")]
    private partial void LogRelayFailed(Exception exception);
}
