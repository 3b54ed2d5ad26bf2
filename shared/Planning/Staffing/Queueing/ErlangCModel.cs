namespace BackOfficeCloud.Planning.Staffing.Queueing;

/// <summary>Erlang C for a queue whose callers wait as long as it takes.</summary>
public sealed record ErlangCModel(double AhtSeconds) : IQueueModel
{
    public QueueMetrics Evaluate(double agents, double offeredLoadErlangs, double targetSeconds) =>
        ErlangC.Evaluate(agents, offeredLoadErlangs, AhtSeconds, targetSeconds);

    public QueueMetrics RequiredAgents(double offeredLoadErlangs, StaffingTarget target) =>
        ErlangC.RequiredAgents(offeredLoadErlangs, AhtSeconds, target);
}
