namespace BackOfficeCloud.Planning.Simulation.Results;

/// <summary>
/// The outcome of R replications: overall KPIs (after the warm-up) as means with 95% confidence intervals, and
/// per-interval KPIs pooled over the replications. Service level = answered within the threshold over answered
/// plus abandoned; abandon rate = abandoned over answered plus abandoned; occupancies are busy over scheduled time.
/// </summary>
public sealed record SimulationResult(
    string Policy,
    int Replications,
    int Seed,
    long Events,
    double Seconds,
    OverallKpis Overall,
    IReadOnlyList<IntervalKpis> Intervals);

public sealed record OverallKpis(
    IReadOnlyList<QueueKpis> Queues,
    Estimate AgentHours,
    Estimate PhoneOccupancy,
    Estimate BackOfficeOccupancy,
    Estimate Utilization,
    Estimate BackOfficeArrived,
    Estimate BackOfficeCompleted,
    Estimate BackOfficeLate,
    Estimate BackOfficeOpenAtEnd,
    Estimate BackOfficeOverdueAtEnd);

public sealed record QueueKpis(string Queue, Estimate Offered, Estimate ServiceLevel, Estimate AsaSeconds, Estimate AbandonRate);

public sealed record IntervalKpis(
    DateTimeOffset Start,
    IReadOnlyList<QueueIntervalKpis> Queues,
    double ScheduledAgents,
    double PhoneOccupancy,
    double BackOfficeOccupancy,
    double BackOfficeCompleted,
    double BackOfficeLate);

public sealed record QueueIntervalKpis(string Queue, double Offered, double ServiceLevel, double AsaSeconds, double AbandonRate);
