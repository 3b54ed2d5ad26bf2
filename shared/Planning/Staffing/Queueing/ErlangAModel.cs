namespace BackOfficeCloud.Planning.Staffing.Queueing;

/// <summary>Erlang A for a queue whose callers abandon after an exponential patience with this mean.</summary>
public sealed record ErlangAModel(double AhtSeconds, double PatienceSeconds) : IQueueModel
{
    public QueueMetrics Evaluate(double agents, double offeredLoadErlangs, double targetSeconds) =>
        ErlangA.Evaluate(agents, offeredLoadErlangs, AhtSeconds, PatienceSeconds, targetSeconds);

    public QueueMetrics RequiredAgents(double offeredLoadErlangs, StaffingTarget target) =>
        ErlangA.RequiredAgents(offeredLoadErlangs, AhtSeconds, PatienceSeconds, target);
}
