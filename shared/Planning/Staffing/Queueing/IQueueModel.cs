namespace BackOfficeCloud.Planning.Staffing.Queueing;

/// <summary>A queueing model of one immediate queue: measures for a staffing level, and the staffing a target needs.</summary>
public interface IQueueModel
{
    QueueMetrics Evaluate(double agents, double offeredLoadErlangs, double targetSeconds);

    /// <summary>The fewest whole agents meeting <paramref name="target"/>; <see cref="ArgumentException"/> when none can.</summary>
    QueueMetrics RequiredAgents(double offeredLoadErlangs, StaffingTarget target);
}
