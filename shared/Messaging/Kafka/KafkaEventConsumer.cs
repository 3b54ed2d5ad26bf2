using System.Diagnostics;
using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Observability;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackOfficeCloud.Messaging.Kafka;

/// <summary>
/// The service's consumer (group = app id) on every topic it has handlers for. It takes what has arrived in batches,
/// applies them (<see cref="ResilientApplier"/>), dead-letters what stayed poison, and only then commits the offsets.
/// While one batch is applied (PostgreSQL's work, and its commit's wait for the disk) the next is fetched and parsed,
/// so the two overlap; a batch is applied in <c>ConsumerLanes</c> transactions at once, its partitions dealt among them.
/// Offsets are still committed in order, each batch's after its transactions.
/// When PostgreSQL is unreachable it commits nothing and rewinds, so the batch (and the one fetched behind it) is
/// delivered again.
/// </summary>
public sealed partial class KafkaEventConsumer(
    KafkaClients clients, EventDispatcher dispatcher, ResilientApplier applier, KafkaDeadLetters deadLetters,
    IOptions<MessagingOptions> options, ILogger<KafkaEventConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PollWhileApplying = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LagInterval = TimeSpan.FromSeconds(1);
    private long _lagMeasuredAt;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        dispatcher.Topics.Count == 0
            ? Task.CompletedTask
            : Task.Factory.StartNew(() => ConsumeAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    // Only this loop calls the consumer (poll, commit, seek); the applying task touches PostgreSQL and the producer only.
    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(clients.ConsumerConfig())
            .SetErrorHandler((_, error) => LogKafkaError(error.Reason))
            .Build();
        consumer.Subscribe(dispatcher.Topics);
        InFlight? inFlight = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = Poll(consumer, inFlight?.Applying ?? Task.CompletedTask);
                if (inFlight is not null && !await FinishAsync(consumer, inFlight, next, stoppingToken).ConfigureAwait(false))
                {
                    next = [];
                }

                inFlight = next.Count == 0 ? null : new InFlight(next, Task.Run(() => ApplyAsync(next, stoppingToken), stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: what was not committed is delivered again to the next member of the group
        }
        finally
        {
            // A batch still being applied rolls back on the stop; its offsets were not committed, so it is delivered again.
            await Task.WhenAny(inFlight?.Applying ?? Task.CompletedTask).ConfigureAwait(false);
            consumer.Close();
        }
    }

    /// <summary>
    /// Takes what has arrived, parsed, up to <c>ConsumerBatchSize</c> events (a CloudEvents batch counts its events). While
    /// <paramref name="applying"/> runs it waits for a first message in short steps, so that batch is committed as soon as it is done.
    /// </summary>
    private List<PolledMessage> Poll(IConsumer<byte[]?, byte[]> consumer, Task applying)
    {
        var batch = new List<PolledMessage>();
        var events = 0;
        var next = consumer.Consume(applying.IsCompleted ? PollTimeout : PollWhileApplying);
        while (next is null && !applying.IsCompleted)
        {
            next = consumer.Consume(PollWhileApplying);
        }

        while (next is not null)
        {
            var polled = PolledMessage.Parse(next);
            batch.Add(polled);
            events += Math.Max(1, polled.Events.Count);
            next = events < options.Value.ConsumerBatchSize ? consumer.Consume(TimeSpan.Zero) : null;
        }

        return batch;
    }

    /// <summary>Commits the batch in flight once applied; if it could not be, rewinds it and <paramref name="fetched"/> (fetched behind it) and says so.</summary>
    private async Task<bool> FinishAsync(IConsumer<byte[]?, byte[]> consumer, InFlight inFlight, List<PolledMessage> fetched, CancellationToken stoppingToken)
    {
        try
        {
            await inFlight.Applying.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is KafkaException || ResilientApplier.IsInfrastructureFailure(ex))
        {
            LogBatchNotApplied(inFlight.Batch.Count, ex);
            Rewind(consumer, [.. inFlight.Batch, .. fetched]);
            await Task.Delay(FailureBackoff, stoppingToken).ConfigureAwait(false);
            return false;
        }

        Commit(consumer, inFlight.Batch);
        MeasureLag(consumer);
        return true;
    }

    // Each lane is its own transaction, applied at the same time as the others: a partition is always in the same lane
    // and a lane applies its messages in order. If one lane fails, the others may have committed: the whole batch is
    // delivered again and the inbox skips what they applied.
    private Task ApplyAsync(List<PolledMessage> batch, CancellationToken cancellationToken)
    {
        var lanes = options.Value.ConsumerLanes;
        return Task.WhenAll(batch.GroupBy(m => m.Result.Partition.Value % lanes).Select(lane => ApplyLaneAsync([.. lane], cancellationToken)));
    }

    private async Task ApplyLaneAsync(List<PolledMessage> batch, CancellationToken cancellationToken)
    {
        var received = new List<ReceivedEvent>(batch.Count);
        foreach (var message in batch)
        {
            if (message.Error is not null)
            {
                await DeadLetterAsync(message.Result, message.Error, cancellationToken).ConfigureAwait(false);
            }

            received.AddRange(message.Events);
        }

        // A message goes to the dead-letter topic as it came, once, even when several events of its batch stayed poison.
        var deadLettered = new HashSet<PolledMessage>(ReferenceEqualityComparer.Instance);
        foreach (var poison in await applier.ApplyAsync(received, cancellationToken).ConfigureAwait(false))
        {
            var origin = batch.First(m => m.Events.Any(e => ReferenceEquals(e, poison.Received)));
            if (deadLettered.Add(origin))
            {
                await DeadLetterAsync(origin.Result, poison.Error, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DeadLetterAsync(ConsumeResult<byte[]?, byte[]> result, Exception error, CancellationToken cancellationToken)
    {
        LogDeadLettered(result.TopicPartitionOffset.ToString(), error);
        await deadLetters.SendAsync(result, error, cancellationToken).ConfigureAwait(false);
    }

    private void Commit(IConsumer<byte[]?, byte[]> consumer, List<PolledMessage> batch)
    {
        try
        {
            consumer.Commit(batch.Select(m => m.Result).GroupBy(r => r.TopicPartition).Select(g => new TopicPartitionOffset(g.Key, g.Max(r => r.Offset.Value) + 1)));
        }
        catch (KafkaException ex)
        {
            // Typically a rebalance took the partition away: its new owner gets these events again and the inbox skips them.
            LogCommitFailed(ex.Error.Reason);
        }
    }

    private static void Rewind(IConsumer<byte[]?, byte[]> consumer, List<PolledMessage> batch)
    {
        foreach (var partition in batch.Select(m => m.Result).GroupBy(r => r.TopicPartition))
        {
            try
            {
                consumer.Seek(new TopicPartitionOffset(partition.Key, partition.Min(r => r.Offset.Value)));
            }
            catch (KafkaException)
            {
                // no longer assigned here: the new owner starts from the last committed offset anyway
            }
        }
    }

    private void MeasureLag(IConsumer<byte[]?, byte[]> consumer)
    {
        if (Stopwatch.GetElapsedTime(_lagMeasuredAt) < LagInterval)
        {
            return;
        }

        _lagMeasuredAt = Stopwatch.GetTimestamp();
        foreach (var topic in consumer.Assignment.GroupBy(p => p.Topic))
        {
            long lag = 0;
            foreach (var partition in topic)
            {
                var high = consumer.GetWatermarkOffsets(partition).High;
                var position = consumer.Position(partition);
                if (high != Offset.Unset && position != Offset.Unset)
                {
                    lag += Math.Max(0, high.Value - position.Value);
                }
            }

            MessagingMetrics.ConsumerLag.WithLabels(topic.Key).Set(lag);
        }
    }

    /// <summary>A batch and the task applying it, while the loop fetches the next.</summary>
    private sealed record InFlight(List<PolledMessage> Batch, Task Applying);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Kafka consumer error: {Reason}")]
    private partial void LogKafkaError(string reason);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "{Count} events not applied; nothing committed, they are delivered again")]
    private partial void LogBatchNotApplied(int count, Exception exception);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Error, Message = "Event at {Position} sent to the dead-letter topic")]
    private partial void LogDeadLettered(string position, Exception exception);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Information, Message = "Offsets not committed ({Reason}); the events will be delivered again and skipped")]
    private partial void LogCommitFailed(string reason);
}
