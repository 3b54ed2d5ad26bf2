using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace BackOfficeCloud.Forecasting.Jobs;

/// <summary>A stored job waiting for a worker of this replica.</summary>
public readonly record struct JobTicket(string TenantId, Guid JobId);

/// <summary>The bounded queue between the API (and the scheduler) and this replica's forecast workers.</summary>
public sealed class ForecastJobQueue(IOptions<ForecastingOptions> options)
{
    private readonly Channel<JobTicket> _channel = Channel.CreateBounded<JobTicket>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>False when the queue is full: the caller should try later.</summary>
    public bool TryEnqueue(JobTicket ticket) => _channel.Writer.TryWrite(ticket);

    public ValueTask EnqueueAsync(JobTicket ticket, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(ticket, cancellationToken);

    public IAsyncEnumerable<JobTicket> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
