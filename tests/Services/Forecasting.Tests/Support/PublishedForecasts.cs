using System.Collections.Concurrent;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Kafka;
using Confluent.Kafka;

namespace BackOfficeCloud.Forecasting.Tests.Support;

/// <summary>Reads <c>forecasting.forecasts</c> from the dev broker in the background, as a downstream service would.</summary>
public sealed class PublishedForecasts : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private readonly ConcurrentQueue<(string TenantId, ForecastPublished Event)> _seen = new();

    public PublishedForecasts(string bootstrapServers)
    {
        KafkaNativeLibrary.EnsureLoaded();
        _reading = Task.Run(() => Read(bootstrapServers, _stop.Token));
    }

    /// <summary>Waits (bounded) for an event of the tenant that matches.</summary>
    public async Task<ForecastPublished?> WaitForAsync(string tenantId, Func<ForecastPublished, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var found = _seen.Where(s => s.TenantId == tenantId && match(s.Event)).Select(s => s.Event).FirstOrDefault();
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private void Read(string bootstrapServers, CancellationToken stop)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"forecast-reader-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(Topics.ForecastingForecasts);
        while (!stop.IsCancellationRequested)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is null)
            {
                continue;
            }

            var envelope = CloudEventJson.Parse(result.Message.Value);
            if (envelope.Type == EventTypes.ForecastPublished)
            {
                _seen.Enqueue((envelope.TenantId, ProtoJson.Parse<ForecastPublished>(envelope.Data)));
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
