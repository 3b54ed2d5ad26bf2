using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Scheduling.Storage;

namespace BackOfficeCloud.Scheduling.Jobs;

/// <summary>Keeps only the newest progress report of the solver thread, for the runner to write at its own pace.</summary>
public sealed class LatestProgress : IProgress<ScheduleProgress>
{
    private JobProgress? _current;

    public JobProgress? Current => Volatile.Read(ref _current);

    public void Report(ScheduleProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Volatile.Write(ref _current, new JobProgress(value.Phase, value.Objective, value.LowerBound, value.Gap, value.Elapsed));
    }
}
