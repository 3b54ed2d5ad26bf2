using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Publishing;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Blending.Tests.Support;

/// <summary>The events Ingestion and Scheduling publish, as a test writes them; times are minutes after an hour ago.</summary>
public static class CenterEvents
{
    public static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddHours(-1);

    public static Timestamp At(double minutes) => Timestamp.FromDateTimeOffset(Start.AddMinutes(minutes));

    public static OutgoingEvent Queue(string tenant, string queue, bool deferrable = false) =>
        new(Topics.IngestionRoster, EventTypes.RosterQueueUpdated, tenant, queue, new RosterQueueUpdated
        {
            Queue = queue, Channel = deferrable ? "backoffice" : "voice", Deferrable = deferrable,
            TargetServiceLevel = 0.8, TargetSeconds = 20, Version = 1,
        });

    public static OutgoingEvent Agent(string tenant, string agent, params string[] skills) =>
        new(Topics.IngestionRoster, EventTypes.RosterAgentUpdated, tenant, agent, new RosterAgentUpdated
        {
            AgentId = agent, Name = agent, Version = 1,
            Skills = { skills.Select(s => new AgentSkill { Skill = s, Proficiency = 1 }) },
        });

    public static OutgoingEvent State(string tenant, string agent, string state, double minutes) =>
        new(Topics.IngestionAgentStates, EventTypes.AgentStateChanged, tenant, agent, new AgentStateChanged
        {
            AgentId = agent, State = state, StartedAt = At(minutes),
        });

    public static OutgoingEvent Item(string tenant, string id, string status, double minutes, double dueInHours = 8, double effortMinutes = 30) =>
        new(Topics.IngestionWorkItems, EventTypes.WorkItemEventIngested, tenant, id, new WorkItemEventIngested
        {
            WorkItemId = id, SourceId = id, Event = status == "open" ? "created" : status, Status = status,
            OccurredAt = At(minutes), WorkType = "claim", Queue = "claims", CreatedAt = At(0),
            DueAt = At(minutes + (dueInHours * 60)), EffortMinutes = effortMinutes, Version = 1,
        });

    /// <summary>A contact waiting in the queue since <paramref name="minutes"/>.</summary>
    public static OutgoingEvent Waiting(string tenant, string id, string queue, double minutes) =>
        new(Topics.IngestionInteractions, EventTypes.InteractionIngested, tenant, id, new InteractionIngested
        {
            InteractionId = id, SourceId = id, Channel = "voice", Queue = queue, ArrivedAt = At(minutes), Version = 1,
        });
}
