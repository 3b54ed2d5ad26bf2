namespace BackOfficeCloud.Contracts;

/// <summary>CloudEvents <c>type</c> of each event payload, versioned with the payload's proto package.</summary>
public static class EventTypes
{
    public const string InteractionIngested = "backoffice.ingestion.interaction-ingested.v1";
    public const string IntervalStatisticIngested = "backoffice.ingestion.interval-statistic-ingested.v1";
    public const string WorkItemEventIngested = "backoffice.ingestion.work-item-event-ingested.v1";
    public const string AgentStateChanged = "backoffice.ingestion.agent-state-changed.v1";
    public const string RosterAgentUpdated = "backoffice.ingestion.roster-agent-updated.v1";
    public const string RosterQueueUpdated = "backoffice.ingestion.roster-queue-updated.v1";
    public const string ForecastPublished = "backoffice.forecasting.forecast-published.v1";
    public const string RequirementsPublished = "backoffice.scheduling.requirements-published.v1";
    public const string SchedulePublished = "backoffice.scheduling.schedule-published.v1";
    public const string BlendingDecisionMade = "backoffice.blending.decision-made.v1";
}
