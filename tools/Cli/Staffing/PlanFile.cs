namespace BackOfficeCloud.Cli.Staffing;

/// <summary>The input of `bocloud requirements` (plan.json); documented in docs/staffing.md.</summary>
internal sealed record PlanFile(
    string TimeZone,
    DateOnly FirstDay,
    int Days,
    int IntervalMinutes,
    DateTimeOffset Now,
    IReadOnlyList<QueueFile> Queues,
    IReadOnlyList<WorkTypeFile> WorkTypes,
    IReadOnlyList<ShrinkageFile>? Shrinkage = null,
    double IdleShare = 0,
    IReadOnlyList<AgentCapFile>? MaxAgents = null);

/// <param name="Model">erlang_c or erlang_a.</param>
/// <param name="AhtSeconds">Handle time of intervals whose forecast gives none.</param>
internal sealed record QueueFile(
    string Name,
    string Model,
    TargetFile Target,
    double AhtSeconds,
    IReadOnlyList<ForecastFile> Forecast,
    double? PatienceSeconds = null,
    int Concurrency = 1);

internal sealed record TargetFile(double ServiceLevel, double TargetSeconds, double? MaxAsaSeconds = null, double? MaxOccupancy = null, double? MaxAbandonRate = null);

/// <param name="Start">Interval start with its UTC offset; intervals not listed have no contacts.</param>
internal sealed record ForecastFile(DateTimeOffset Start, double Volume, double? AhtSeconds = null);

/// <param name="OpenHours">Weekday name (monday…sunday) to "HH:mm-HH:mm" ranges; "24:00" or "00:00" closes at midnight.</param>
internal sealed record WorkTypeFile(
    string Name,
    double HandleMinutes,
    IReadOnlyDictionary<string, IReadOnlyList<string>> OpenHours,
    IReadOnlyList<ArrivalFile> Arrivals,
    IReadOnlyList<BacklogFile>? Backlog = null,
    double? SlaBusinessHours = null,
    IReadOnlyList<DateOnly>? ClosedDates = null);

internal sealed record ArrivalFile(DateTimeOffset Start, double Items);

internal sealed record BacklogFile(string Id, DateTimeOffset Arrived, DateTimeOffset? Due = null, double Count = 1);

internal sealed record ShrinkageFile(string Name, double Fraction, bool Planned = true);

internal sealed record AgentCapFile(DateTimeOffset Start, double Agents);
