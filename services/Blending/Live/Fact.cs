using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Envelope;
using Google.Protobuf;

namespace BackOfficeCloud.Blending.Live;

/// <summary>Something that changed a tenant's blending state, at the instant the engine is told it happened.</summary>
public sealed record Fact(string Kind, DateTimeOffset At, IMessage Payload)
{
    /// <summary>Whole microseconds, as PostgreSQL stores it: a replayed fact happens at the very instant it did live.</summary>
    public DateTimeOffset At { get; } = At.AddTicks(-(At.UtcTicks % 10));
}

/// <summary>
/// Kinds of facts: the event types consumed, plus the actions taken through the API (their payload is the request).
/// Stored by these names, so they are constants, never CLR names.
/// </summary>
public static class FactKinds
{
    public const string PolicySet = "backoffice.blending.policy-set.v1";
    public const string DecisionOverridden = "backoffice.blending.decision-overridden.v1";
    public const string TaskFinished = "backoffice.blending.task-finished.v1";

    public static IMessage Parse(string kind, string json) => kind switch
    {
        EventTypes.AgentStateChanged => ProtoJson.Parse<AgentStateChanged>(json),
        EventTypes.InteractionIngested => ProtoJson.Parse<InteractionIngested>(json),
        EventTypes.WorkItemEventIngested => ProtoJson.Parse<WorkItemEventIngested>(json),
        EventTypes.RosterAgentUpdated => ProtoJson.Parse<RosterAgentUpdated>(json),
        EventTypes.RosterQueueUpdated => ProtoJson.Parse<RosterQueueUpdated>(json),
        EventTypes.SchedulePublished => ProtoJson.Parse<SchedulePublished>(json),
        PolicySet => ProtoJson.Parse<SetPolicyRequest>(json),
        DecisionOverridden => ProtoJson.Parse<OverrideDecisionRequest>(json),
        TaskFinished => ProtoJson.Parse<FinishTaskRequest>(json),
        _ => throw new InvalidOperationException($"Stored fact kind '{kind}' is unknown to this version of the service."),
    };
}

/// <summary>The instant a consumed event happened, as the engine should be told: its own timestamp where it has one.</summary>
public static class FactTime
{
    public static DateTimeOffset Of(IMessage payload, DateTimeOffset published) => payload switch
    {
        AgentStateChanged { StartedAt: { } started } => started.ToDateTimeOffset(),
        WorkItemEventIngested { OccurredAt: { } occurred } => occurred.ToDateTimeOffset(),
        InteractionIngested contact => new[] { contact.ArrivedAt, contact.AnsweredAt, contact.EndedAt }
            .Where(t => t is not null).Select(t => t.ToDateTimeOffset()).DefaultIfEmpty(published).Max(),
        _ => published,
    };
}
