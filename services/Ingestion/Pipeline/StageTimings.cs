using System.Diagnostics;

namespace BackOfficeCloud.Ingestion.Pipeline;

/// <summary>
/// Where each batch's time goes (validate, staging copy, upsert, derive, outbox, commit), logged per batch at Debug in
/// this category: <c>Logging__LogLevel__BackOfficeCloud.Ingestion.Pipeline.StageTimings=Debug</c> turns it on. Off,
/// a batch costs one level check.
/// </summary>
public sealed partial class StageTimings(ILogger<StageTimings> logger)
{
    public BatchTimer Start() => logger.IsEnabled(LogLevel.Debug) ? new BatchTimer(Stopwatch.GetTimestamp()) : BatchTimer.Off;

    public void Report(string kind, int rows, BatchTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.Laps is { } laps)
        {
            LogBatch(kind, rows, laps.Sum(l => l.Milliseconds), string.Join(", ", laps.Select(l => $"{l.Stage} {l.Milliseconds:F1}")));
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "stage timings {Kind}: {Rows} rows in {TotalMs:F1} ms ({Stages} ms)")]
    private partial void LogBatch(string kind, int rows, double totalMs, string stages);
}

/// <summary>The laps of one batch; <see cref="Off"/> records nothing.</summary>
public sealed class BatchTimer
{
    public static readonly BatchTimer Off = new();

    private long _since;

    internal BatchTimer(long start)
    {
        _since = start;
        Laps = [];
    }

    private BatchTimer()
    {
    }

    internal List<(string Stage, double Milliseconds)>? Laps { get; }

    /// <summary>Ends the stage that ran since the previous lap (or the start).</summary>
    public void Lap(string stage)
    {
        if (Laps is null)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        Laps.Add((stage, Stopwatch.GetElapsedTime(_since, now).TotalMilliseconds));
        _since = now;
    }
}
