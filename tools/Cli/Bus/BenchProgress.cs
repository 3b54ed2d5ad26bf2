namespace BackOfficeCloud.Cli.Bus;

/// <summary>
/// How many bench events the handler has applied in this process, so the bench can wait for the end without polling
/// the effect table (a count over it, ten times a second, would take CPU from the pipeline it measures).
/// </summary>
internal sealed class BenchProgress
{
    private long _applied;

    public long Applied => Interlocked.Read(ref _applied);

    public void Add(int events) => Interlocked.Add(ref _applied, events);
}
