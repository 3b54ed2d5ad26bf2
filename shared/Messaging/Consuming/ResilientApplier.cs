using BackOfficeCloud.Messaging.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace BackOfficeCloud.Messaging.Consuming;

/// <summary>An event its handler could not apply after every retry: it goes to the dead-letter topic.</summary>
public sealed record PoisonEvent(ReceivedEvent Received, Exception Error);

/// <summary>
/// Applies a batch in one go; if that fails, applies each event alone with bounded retries, so one poison event
/// neither blocks nor drags down the good ones around it. An infrastructure failure (PostgreSQL unreachable) is thrown,
/// not dead-lettered: the caller must not acknowledge and should redeliver later.
/// </summary>
public sealed class ResilientApplier
{
    private readonly EventDispatcher _dispatcher;
    private readonly ResiliencePipeline _retry;

    public ResilientApplier(EventDispatcher dispatcher, IOptions<MessagingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dispatcher = dispatcher;
        _retry = options.Value.MaxRetries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.Value.RetryDelay,
                MaxRetryAttempts = options.Value.MaxRetries,
            }).Build();
    }

    public static bool IsInfrastructureFailure(Exception error) => error is NpgsqlException { IsTransient: true } or TimeoutException;

    /// <summary>Returns the events that stayed poison after their retries; everything else is applied.</summary>
    public async Task<IReadOnlyList<PoisonEvent>> ApplyAsync(IReadOnlyList<ReceivedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count > 1)
        {
            try
            {
                await _dispatcher.ApplyAsync(events, cancellationToken).ConfigureAwait(false);
                return [];
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !IsInfrastructureFailure(ex))
            {
                // fall through to one event at a time
            }
        }

        var poison = new List<PoisonEvent>();
        foreach (var received in events)
        {
            try
            {
                await _retry.ExecuteAsync(
                    static async (state, ct) => await state.Dispatcher.ApplyAsync([state.Received], ct).ConfigureAwait(false),
                    (Dispatcher: _dispatcher, Received: received), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !IsInfrastructureFailure(ex))
            {
                poison.Add(new PoisonEvent(received, ex));
            }
        }

        return poison;
    }
}
