using System.Collections.Concurrent;
using BackOfficeCloud.Messaging.Publishing;

namespace BackOfficeCloud.Messaging.Tests.Support;

/// <summary>A transport that keeps what it was given, or fails while <see cref="Failing"/> is set.</summary>
public sealed class RecordingTransport : IEventTransport
{
    public ConcurrentQueue<OutboundMessage> Published { get; } = new();

    public bool Failing { get; set; }

    public async Task PublishAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (Failing)
        {
            throw new TimeoutException("broker unreachable");
        }

        foreach (var message in messages)
        {
            Published.Enqueue(message);
        }
    }
}
