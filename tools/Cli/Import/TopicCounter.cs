using System.Text;
using System.Text.Json;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Messaging.Kafka;
using Confluent.Kafka;

namespace BackOfficeCloud.Cli.Import;

/// <summary>
/// Reads ingestion.interactions from the start, as a consumer would (each event of a CloudEvents batch on its own), and
/// counts one tenant's events and their distinct source ids, from which lost and duplicated events follow.
/// </summary>
/// <remarks>
/// The counter has to keep up with the topic, since the dev broker keeps only a few megabytes per partition: each message
/// is counted in one pass of a JSON reader over the bytes librdkafka holds (its value deserializer), never copied into a
/// managed array, parsed into events or read twice.
/// </remarks>
internal sealed class TopicCounter : IDisposable
{
    private readonly HashSet<string> _sourceIds;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private readonly byte[] _tenant;
    private long _events;

    public TopicCounter(string bootstrapServers, int partitions, string tenant, int expected)
    {
        KafkaNativeLibrary.EnsureLoaded();
        _tenant = Encoding.UTF8.GetBytes(tenant);
        _sourceIds = new HashSet<string>(expected, StringComparer.Ordinal);
        _reading = Task.Factory.StartNew(() => Read(bootstrapServers, partitions), TaskCreationOptions.LongRunning);
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

    private void Read(string bootstrapServers, int partitions)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"bench-counter-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            // a tenant's events of one kind share one partition, in batch messages: fetch many at once
            MaxPartitionFetchBytes = 64 * 1024 * 1024,
            FetchMaxBytes = 64 * 1024 * 1024,
        }).SetValueDeserializer(new Counting(this)).Build();
        // the partitions assigned at once, not through a consumer group: joining one took seconds, in which a fast service
        // published more than the dev broker keeps, and the counter then began past the evicted start
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(Topics.IngestionInteractions, p, Offset.Beginning)));
        while (!_stop.IsCancellationRequested)
        {
            consumer.Consume(TimeSpan.FromMilliseconds(100));
        }

        consumer.Close();
    }

    /// <summary>
    /// Counts the tenant's events of one message — a CloudEvent, or a CloudEvents batch (a JSON array of them) — by each
    /// envelope's <c>tenantid</c> and its data's <c>sourceId</c>.
    /// </summary>
    private void Count(ReadOnlySpan<byte> message)
    {
        var reader = new Utf8JsonReader(message);
        if (!reader.Read())
        {
            return;
        }

        // an envelope's attributes are one level below its object, its data's fields two
        var envelopeDepth = reader.TokenType == JsonTokenType.StartArray ? 1 : 0;
        var found = new List<string>();
        var (ours, sourceId) = (false, (string?)null);
        do
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject when reader.CurrentDepth == envelopeDepth:
                    (ours, sourceId) = (false, null);
                    break;
                case JsonTokenType.PropertyName when reader.CurrentDepth == envelopeDepth + 1 && reader.ValueTextEquals("tenantid"u8):
                    reader.Read();
                    ours = reader.ValueTextEquals(_tenant);
                    break;
                case JsonTokenType.PropertyName when reader.CurrentDepth == envelopeDepth + 2 && reader.ValueTextEquals("sourceId"u8):
                    reader.Read();
                    sourceId = reader.GetString();
                    break;
                case JsonTokenType.EndObject when reader.CurrentDepth == envelopeDepth && ours && sourceId is not null:
                    found.Add(sourceId);
                    break;
            }
        }
        while (reader.Read());

        Interlocked.Add(ref _events, found.Count);
        lock (_sourceIds)
        {
            _sourceIds.UnionWith(found);
        }
    }

    private sealed class Counting(TopicCounter counter) : IDeserializer<Ignore>
    {
        public Ignore Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
        {
            if (!isNull)
            {
                counter.Count(data);
            }

            return null!;
        }
    }
}
