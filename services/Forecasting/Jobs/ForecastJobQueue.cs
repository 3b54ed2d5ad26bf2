using System.Runtime.CompilerServices;
using System.Threading.Channels;
using BackOfficeCloud.Forecasting.Observability;
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
    public bool TryEnqueue(JobTicket ticket)
    {
        var written = _channel.Writer.TryWrite(ticket);
        ForecastingMetrics.JobsQueued.Set(_channel.Reader.Count);
        return written;
    }

    public async ValueTask EnqueueAsync(JobTicket ticket, CancellationToken cancellationToken)
    {
        await _channel.Writer.WriteAsync(ticket, cancellationToken);
        ForecastingMetrics.JobsQueued.Set(_channel.Reader.Count);
    }

    public async IAsyncEnumerable<JobTicket> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var ticket in _channel.Reader.ReadAllAsync(cancellationToken))
        {
            ForecastingMetrics.JobsQueued.Set(_channel.Reader.Count);
            yield return ticket;
        }
    }
}
