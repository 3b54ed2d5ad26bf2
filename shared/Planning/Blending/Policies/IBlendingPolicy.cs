using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending;

/// <summary>
/// The live picture of one immediate queue a policy decides on: contacts waiting, agents free / on its contacts /
/// already recalled, the agents the short-term forecast needs to meet the service-level target (Erlang C), and the
/// rolling service level against its target.
/// </summary>
public readonly record struct QueueView(
    int Queue,
    int Waiting,
    TimeSpan OldestWait,
    int Free,
    int OnContacts,
    int PendingRecalls,
    int RequiredAgents,
    double RollingServiceLevel,
    double ServiceLevelTarget);

/// <summary>
/// A blending policy: how many free agents an immediate queue keeps back, when agents are recalled to it, and whether
/// the schedule may be bent. Implementations are immutable and shared across decisions.
/// </summary>
public interface IBlendingPolicy
{
    string Name { get; }

    /// <summary>Whether an agent scheduled for <paramref name="activity"/> may be handed back-office work.</summary>
    bool MayHandOutWork(ScheduledActivity activity);

    /// <summary>Free agents the queue must keep after an item is handed out.</summary>
    int Reserve(in QueueView queue);

    /// <summary>Recall agents while free plus already-recalled agents are below this number.</summary>
    int RecallBelow(in QueueView queue);

    /// <summary>Whether a recalled agent puts down an item now rather than finishing it.</summary>
    bool MayInterrupt(in QueueView queue, bool itemInterruptible);
}
