using System.Text.Json;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Kafka;
using Confluent.Kafka;

namespace BackOfficeCloud.Cli.Import;

/// <summary>
/// Reads ingestion.interactions from the start, as a consumer would (each event of a CloudEvents batch on its own), and
/// counts one tenant's events and their distinct source ids, from which lost and duplicated events follow.
/// </summary>
internal sealed class TopicCounter : IDisposable
{
    private readonly HashSet<string> _sourceIds = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private readonly string _tenant;
    private long _events;

    public TopicCounter(string bootstrapServers, string tenant)
    {
        KafkaNativeLibrary.EnsureLoaded();
        _tenant = tenant;
        _reading = Task.Factory.StartNew(() => Read(bootstrapServers), TaskCreationOptions.LongRunning);
    }

    public long Events => Interlocked.Read(ref _events);

    public int Distinct
    {
        get
        {
            lock (_sourceIds)
            {
                return _sourceIds.Count;
            }
        }
    }

    /// <summary>Waits until <paramref name="expected"/> distinct events arrived, or nothing new came for <paramref name="idle"/>.</summary>
    public async Task WaitForAsync(int expected, TimeSpan idle, CancellationToken cancellationToken)
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
    }

    public void Dispose()
    {
        _stop.Cancel();
        _reading.Wait(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private void Read(string bootstrapServers)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"bench-counter-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            // a tenant's events of one kind share one partition, in batch messages of about half a megabyte: fetch many at once
            MaxPartitionFetchBytes = 64 * 1024 * 1024,
            FetchMaxBytes = 64 * 1024 * 1024,
        }).Build();
        consumer.Subscribe(Topics.IngestionInteractions);
        while (!_stop.IsCancellationRequested)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100))?.Message is not { } message)
            {
                continue;
            }

            var events = KafkaEventTransport.IsBatch(message) ? CloudEventBatch.Split(message.Value) : [message.Value];
            foreach (var cloudEvent in events)
            {
                if (TenantAndSourceId(cloudEvent.Span) is var (tenant, sourceId) && tenant == _tenant)
                {
                    Interlocked.Increment(ref _events);
                    lock (_sourceIds)
                    {
                        _sourceIds.Add(sourceId);
                    }
                }
            }
        }

        consumer.Close();
    }

    /// <summary>
    /// The envelope's tenantid and its data's sourceId, read in one pass without building the event: the counter has to
    /// keep up with the topic, since the dev broker keeps only a few megabytes per partition.
    /// </summary>
    private static (string Tenant, string SourceId)? TenantAndSourceId(ReadOnlySpan<byte> envelope)
    {
        var reader = new Utf8JsonReader(envelope);
        string? tenant = null;
        string? sourceId = null;
        while (reader.Read() && (tenant is null || sourceId is null))
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.CurrentDepth == 1 && reader.ValueTextEquals("tenantid"u8))
            {
                reader.Read();
                tenant = reader.GetString();
            }
            else if (reader.CurrentDepth == 2 && reader.ValueTextEquals("sourceId"u8))
            {
                reader.Read();
                sourceId = reader.GetString();
            }
        }

        return tenant is null || sourceId is null ? null : (tenant, sourceId);
    }
}
