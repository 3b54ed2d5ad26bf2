using System.Collections.Concurrent;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Kafka;
using Confluent.Kafka;

namespace BackOfficeCloud.Blending.Tests.Support;

/// <summary>Reads <c>blending.decisions</c> from the dev broker in the background, as a downstream service would.</summary>
public sealed class PublishedDecisions : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private readonly ConcurrentQueue<(string TenantId, BlendingDecisionMade Event)> _seen = new();

    public PublishedDecisions(string bootstrapServers)
    {
        KafkaNativeLibrary.EnsureLoaded();
        _reading = Task.Run(() => Read(bootstrapServers, _stop.Token));
    }

    public IReadOnlyList<BlendingDecisionMade> Of(string tenantId) => [.. _seen.Where(s => s.TenantId == tenantId).Select(s => s.Event)];

    /// <summary>Waits (bounded) for a decision of the tenant that matches.</summary>
    public async Task<BlendingDecisionMade?> WaitForAsync(string tenantId, Func<BlendingDecisionMade, bool> match)
    {
        BlendingDecisionMade? found = null;
        await BlendingServiceFixture.EventuallyAsync(() => Task.FromResult((found = Of(tenantId).FirstOrDefault(match)) is not null));
        return found;
    }

    private void Read(string bootstrapServers, CancellationToken stop)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"decision-reader-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(Topics.BlendingDecisions);
        while (!stop.IsCancellationRequested)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is null)
            {
                continue;
            }

            var envelope = CloudEventJson.Parse(result.Message.Value);
            if (envelope.Type == EventTypes.BlendingDecisionMade)
            {
                _seen.Enqueue((envelope.TenantId, ProtoJson.Parse<BlendingDecisionMade>(envelope.Data)));
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
