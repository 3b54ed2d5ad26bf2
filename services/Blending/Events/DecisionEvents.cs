using BackOfficeCloud.Blending.Live;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Planning.Blending.Decisions;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Blending.Events;

/// <summary>A desk decision as the agent's task (numbered in their stream) and as the <c>BlendingDecisionMade</c> event.</summary>
public static class DecisionEvents
{
    public static AgentTask ToTask(DeskDecision decision, long sequence, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new AgentTask
        {
            AgentId = decision.AgentId,
            Sequence = sequence,
            Kind = KindName(decision.Kind),
            WorkItemId = decision.WorkItemId,
            Queue = decision.Queue,
            Interrupt = decision.Interrupt,
            Reason = decision.Reason,
            Policy = decision.Policy,
            Override = decision.OverriddenBy.Length > 0,
            DecidedAt = Timestamp.FromDateTimeOffset(at),
            DecisionId = Guid.NewGuid().ToString(),
        };
    }

    public static OutgoingEvent ToEvent(string tenant, AgentTask task, string overriddenBy)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new OutgoingEvent(Topics.BlendingDecisions, EventTypes.BlendingDecisionMade, tenant, task.AgentId, new BlendingDecisionMade
        {
            DecisionId = task.DecisionId,
            AgentId = task.AgentId,
            Kind = task.Kind,
            WorkItemId = task.WorkItemId,
            Queue = task.Queue,
            Interrupt = task.Interrupt,
            Reason = task.Reason,
            Policy = task.Policy,
            Override = task.Override,
            DecidedAt = task.DecidedAt,
            Sequence = task.Sequence,
            OverriddenBy = overriddenBy,
        });
    }

    private static string KindName(DecisionKind kind) => kind switch
    {
        DecisionKind.AssignItem => TenantDesk.AssignItemAction,
        DecisionKind.Recall => TenantDesk.RecallAction,
        _ => TenantDesk.KeepFreeAction,
    };
}
