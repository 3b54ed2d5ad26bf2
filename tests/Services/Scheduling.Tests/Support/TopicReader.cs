using System.Collections.Concurrent;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Kafka;
using Confluent.Kafka;

namespace BackOfficeCloud.Scheduling.Tests.Support;

/// <summary>Reads the service's two topics from the dev broker in the background, as a downstream service would.</summary>
public sealed class TopicReader : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private readonly ConcurrentQueue<CloudEvent> _seen = new();

    public TopicReader(string bootstrapServers)
    {
        KafkaNativeLibrary.EnsureLoaded();
        _reading = Task.Run(() => Read(bootstrapServers, _stop.Token));
    }

    public Task<RequirementsPublished?> RequirementsAsync(string tenant, string planId) =>
        WaitForAsync<RequirementsPublished>(tenant, EventTypes.RequirementsPublished, e => e.PlanId == planId);

    public Task<SchedulePublished?> ScheduleAsync(string tenant, string scheduleId, int version) =>
        WaitForAsync<SchedulePublished>(tenant, EventTypes.SchedulePublished, e => e.ScheduleId == scheduleId && e.Version == version);

    private async Task<T?> WaitForAsync<T>(string tenant, string type, Func<T, bool> match) where T : class, Google.Protobuf.IMessage<T>, new()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var found = _seen.Where(e => e.TenantId == tenant && e.Type == type).Select(e => ProtoJson.Parse<T>(e.Data)).FirstOrDefault(match);
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
            GroupId = $"scheduling-reader-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe([Topics.SchedulingRequirements, Topics.SchedulingSchedules]);
        while (!stop.IsCancellationRequested)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is not null)
            {
                _seen.Enqueue(CloudEventJson.Parse(result.Message.Value));
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
