using BackOfficeCloud.Contracts;
using BackOfficeCloud.Messaging.Kafka;
using Confluent.Kafka;

namespace BackOfficeCloud.Cli.Import;

/// <summary>
/// Reads ingestion.interactions from the start and counts one tenant's events: messages and distinct keys (tenant +
/// the platform's interaction id), from which lost and duplicated events follow.
/// </summary>
internal sealed class TopicCounter : IDisposable
{
    private readonly HashSet<string> _keys = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private readonly string _prefix;
    private long _messages;

    public TopicCounter(string bootstrapServers, string tenant)
    {
        KafkaNativeLibrary.EnsureLoaded();
        _prefix = tenant + ":";
        _reading = Task.Factory.StartNew(() => Read(bootstrapServers), TaskCreationOptions.LongRunning);
    }

    public long Messages => Interlocked.Read(ref _messages);

    public int Distinct
    {
        get
        {
            lock (_keys)
            {
                return _keys.Count;
            }
        }
    }

    /// <summary>Waits until <paramref name="expected"/> distinct events arrived, or nothing new came for <paramref name="idle"/>.</summary>
    public async Task<DateTimeOffset> WaitForAsync(int expected, TimeSpan idle, CancellationToken cancellationToken)
    {
        var (last, lastChange) = (-1, DateTimeOffset.UtcNow);
        while (Distinct < expected && DateTimeOffset.UtcNow - lastChange < idle)
        {
            await Task.Delay(20, cancellationToken);
            if (Distinct != last)
            {
                (last, lastChange) = (Distinct, DateTimeOffset.UtcNow);
            }
        }

        return DateTimeOffset.UtcNow;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _reading.Wait(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private void Read(string bootstrapServers)
    {
        using var consumer = new ConsumerBuilder<string, Ignore>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"bench-counter-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(Topics.IngestionInteractions);
        while (!_stop.IsCancellationRequested)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result?.Message?.Key is { } key && key.StartsWith(_prefix, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _messages);
                lock (_keys)
                {
                    _keys.Add(key);
                }
            }
        }

        consumer.Close();
    }
}
