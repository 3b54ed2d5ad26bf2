using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Planning.Blending.Decisions;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Blending.Live;

/// <summary>
/// Immediate queues: defined by the roster (deferrable queues are only skills), or met first in an interaction (then
/// with the default goal of 80% within 20 s); every interaction updates the queue's state and may recall agents.
/// </summary>
public sealed partial class TenantDesk
{
    private readonly Dictionary<int, QueueObservation> _lastObserved = [];

    private void ApplyRosterQueue(RosterQueueUpdated roster, DateTimeOffset at, List<DeskDecision> decisions)
    {
        if (roster.Deferrable)
        {
            Skill(roster.Queue);
            return;
        }

        var queue = Queue(roster.Queue);
        var target = roster.TargetServiceLevel is > 0 and < 1 ? roster.TargetServiceLevel : DefaultServiceLevelTarget;
        var threshold = roster.TargetSeconds > 0 ? TimeSpan.FromSeconds(roster.TargetSeconds) : DefaultServiceLevelThreshold;
        var setup = _engine.Setup.Queues[queue];
        _engine.ChangeQueue(queue, setup with { ServiceLevelTarget = target, ServiceLevelThreshold = threshold });
        _trackers[queue].Threshold = threshold;
        Recall(queue, at, decisions);
    }

    private void ApplyInteraction(InteractionIngested contact, DateTimeOffset at, List<DeskDecision> decisions)
    {
        var queue = Queue(contact.Queue);
        _trackers[queue].Record(contact);
        var observation = _trackers[queue].Observe(at);
        _lastObserved[queue] = observation;
        var recalls = new List<BlendingDecision>();
        _engine.UpdateQueue(queue, observation, at, recalls);
        EmitAll(recalls, decisions);
    }

    private void Recall(int queue, DateTimeOffset at, List<DeskDecision> decisions)
    {
        var recalls = new List<BlendingDecision>();
        _engine.Rebalance(queue, at, recalls);
        EmitAll(recalls, decisions);
    }

    private void EmitAll(List<BlendingDecision> recalls, List<DeskDecision> decisions)
    {
        foreach (var recall in recalls)
        {
            Emit(recall, decisions);
        }
    }
}
