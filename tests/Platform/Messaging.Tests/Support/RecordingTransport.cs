using System.Collections.Concurrent;
using BackOfficeCloud.Messaging.Publishing;

namespace BackOfficeCloud.Messaging.Tests.Support;

/// <summary>
/// A transport that keeps what it was given and the size of each call, or fails while <see cref="Failing"/> is set or from
/// call number <see cref="FailFromCall"/> (1-based) on.
/// </summary>
public sealed class RecordingTransport : IEventTransport
{
    private int _calls;

    public ConcurrentQueue<OutboundMessage> Published { get; } = new();

    public ConcurrentQueue<int> CallSizes { get; } = new();

    public bool Failing { get; set; }

    public int? FailFromCall { get; set; }

    public async Task PublishAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (Failing || Interlocked.Increment(ref _calls) >= FailFromCall)
        {
            throw new TimeoutException("broker unreachable");
        }

        CallSizes.Enqueue(messages.Count);
        foreach (var message in messages)
        {
            Published.Enqueue(message);
        }
    }
}
