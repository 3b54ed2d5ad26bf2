using System.Threading.Channels;
using Channel = System.Threading.Channels.Channel;

namespace BackOfficeCloud.Ingestion.Pipeline;

/// <summary>
/// Two stages: reading and parsing the next batches runs ahead of the database work on the current one, by at most
/// <c>capacity</c> batches (so memory stays bounded). A failure of either stage stops both and is thrown at once; a
/// producer's failure surfaces after the batches it had already produced were consumed, as it would in one loop.
/// </summary>
public static class Prefetch
{
    public static async Task RunAsync<T>(IAsyncEnumerable<T> produce, Func<T, Task> consume, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(produce);
        ArgumentNullException.ThrowIfNull(consume);
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in produce.WithCancellation(stop.Token).ConfigureAwait(false))
                {
                    await channel.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                channel.Writer.Complete();
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await consume(item).ConfigureAwait(false);
            }

            await producer.ConfigureAwait(false);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            // after a failure the producer may still wait on its source (a client's next message): it is not awaited, it
            // ends on the cancellation or with the call, and only then lets go of the token
            _ = producer.ContinueWith(
                done =>
                {
                    _ = done.Exception;
                    stop.Dispose();
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
