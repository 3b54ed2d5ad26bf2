using System.Collections.Concurrent;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Kafka;
using Confluent.Kafka;
using Google.Protobuf;

namespace BackOfficeCloud.TestKit.Services;

/// <summary>Reads topics from the dev broker in the background from their start, as a downstream service would.</summary>
public sealed class TopicReader : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private readonly ConcurrentQueue<CloudEvent> _seen = new();

    public TopicReader(string bootstrapServers, params string[] topics)
    {
        KafkaNativeLibrary.EnsureLoaded();
        _reading = Task.Run(() => Read(bootstrapServers, topics, _stop.Token));
    }

    /// <summary>Every event of the tenant and type read so far, oldest first.</summary>
    public IReadOnlyList<T> All<T>(string tenant, string eventType)
        where T : class, IMessage<T>, new() =>
        [.. _seen.Where(e => e.TenantId == tenant && e.Type == eventType).Select(e => ProtoJson.Parse<T>(e.Data))];

    /// <summary>Waits (bounded, default 60 s) for an event of the tenant and type that matches; null when none came.</summary>
    public async Task<T?> WaitForAsync<T>(string tenant, string eventType, Func<T, bool> match, TimeSpan? timeout = null)
        where T : class, IMessage<T>, new()
    {
        T? found = null;
        await Eventually.HoldsAsync(() => Task.FromResult((found = All<T>(tenant, eventType).FirstOrDefault(match)) is not null), timeout);
        return found;
    }

    private void Read(string bootstrapServers, string[] topics, CancellationToken stop)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"test-reader-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(topics);
        while (!stop.IsCancellationRequested)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200))?.Message is { } message)
            {
                foreach (var cloudEvent in KafkaEventTransport.ReadEvents(message))
                {
                    _seen.Enqueue(cloudEvent);
                }
            }
        }

        consumer.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _reading.Wait(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }
}
