namespace BackOfficeCloud.Scheduling.Jobs;

/// <summary>Wakes this replica's idle runners when a job is queued here, so they need not wait for the next poll.</summary>
public sealed class JobQueueSignal
{
    private readonly SemaphoreSlim _queued = new(0);

    public void Queued() => _queued.Release();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _queued.WaitAsync(timeout, cancellationToken);
}
