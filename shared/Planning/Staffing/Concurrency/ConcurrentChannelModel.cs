using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Planning.Staffing.Concurrency;

/// <summary>
/// A channel (chat, messaging) on which an agent holds up to <see cref="MaxSessions"/> sessions at once. Each session
/// slot is one server of <see cref="SessionModel"/>, whose handle time is a session's duration at that concurrency,
/// so N agents answer like N × k servers; metrics are per slot, agents are whole people.
/// </summary>
public sealed record ConcurrentChannelModel : IQueueModel
{
    public ConcurrentChannelModel(IQueueModel sessionModel, int maxSessions)
    {
        ArgumentNullException.ThrowIfNull(sessionModel);
        if (maxSessions < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSessions), maxSessions, $"Concurrency {maxSessions} must be at least 1 session per agent.");
        }

        SessionModel = sessionModel;
        MaxSessions = maxSessions;
    }

    public IQueueModel SessionModel { get; }

    public int MaxSessions { get; }

    public QueueMetrics Evaluate(double agents, double offeredLoadErlangs, double targetSeconds) =>
        SessionModel.Evaluate(agents * MaxSessions, offeredLoadErlangs, targetSeconds) with { Agents = agents };

    /// <summary>Measures improve with every slot, so the fewest agents are the fewest slots rounded up to whole agents.</summary>
    public QueueMetrics RequiredAgents(double offeredLoadErlangs, StaffingTarget target)
    {
        var slots = SessionModel.RequiredAgents(offeredLoadErlangs, target);
        var agents = Math.Ceiling(slots.Agents / MaxSessions);
        return agents * MaxSessions == slots.Agents
            ? slots with { Agents = agents }
            : Evaluate(agents, offeredLoadErlangs, target.TargetSeconds);
    }
}
