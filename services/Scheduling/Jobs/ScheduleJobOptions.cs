namespace BackOfficeCloud.Scheduling.Jobs;

/// <summary>Configuration section <c>Scheduling:Jobs</c>.</summary>
public sealed class ScheduleJobOptions
{
    public const string Section = "Scheduling:Jobs";

    /// <summary>Solves one replica runs at once (each uses a core or more).</summary>
    public int MaxConcurrentSolves { get; set; } = 1;

    /// <summary>How often an idle runner looks for queued jobs of other replicas.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a running solve writes its progress and heartbeat, and sees a cancel request.</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A running job without a heartbeat for this long lost its runner (a stopped or crashed replica) and is failed.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(60);
}
