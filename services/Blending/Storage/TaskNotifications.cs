using System.Collections.Concurrent;
using Npgsql;

namespace BackOfficeCloud.Blending.Storage;

/// <summary>
/// Wakes the agent streams of this replica when tasks for their agent commit: one connection LISTENs on
/// <see cref="TaskStore.Channel"/>, whose NOTIFYs PostgreSQL sends only on commit. The streams also poll now and then,
/// so a lost connection delays a task, never loses it.
/// </summary>
public sealed partial class TaskNotifications(NpgsqlDataSource dataSource, ILogger<TaskNotifications> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<TaskSignal, byte>> _subscribers = new(StringComparer.Ordinal);

    public TaskSignal Subscribe(string tenant, string agentId)
    {
        var key = $"{tenant}/{agentId}";
        var signal = new TaskSignal(s => Unsubscribe(key, s));
        _subscribers.GetOrAdd(key, _ => new())[signal] = 0;
        return signal;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, e) => Wake(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {TaskStore.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                WakeAll(); // tasks committed while nobody listened
                while (true)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException ex)
            {
                LogListenFailed(ex);
                await Task.Delay(ReconnectDelay, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void Wake(string key)
    {
        if (_subscribers.TryGetValue(key, out var signals))
        {
            foreach (var signal in signals.Keys)
            {
                signal.Set();
            }
        }
    }

    private void WakeAll()
    {
        foreach (var key in _subscribers.Keys)
        {
            Wake(key);
        }
    }

    private void Unsubscribe(string key, TaskSignal signal)
    {
        if (_subscribers.TryGetValue(key, out var signals))
        {
            signals.TryRemove(signal, out _);
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Listening for agent tasks failed; reconnecting")]
    private partial void LogListenFailed(Exception exception);
}

/// <summary>A stream's wake-up: set when tasks for its agent commit; disposing unsubscribes.</summary>
public sealed class TaskSignal(Action<TaskSignal> unsubscribe) : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>True when woken, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    internal void Set()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (ObjectDisposedException)
        {
            // the stream ended while a notification was being delivered
        }
    }

    public void Dispose()
    {
        unsubscribe(this);
        _wake.Dispose();
    }
}
