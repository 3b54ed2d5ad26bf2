namespace BackOfficeCloud.Contracts;

/// <summary>Kafka topic names, one per event family (DESIGN.md). Never derived from a class name.</summary>
public static class Topics
{
    public const string IngestionInteractions = "ingestion.interactions";
    public const string IngestionIntervalStats = "ingestion.interval-stats";
    public const string IngestionWorkItems = "ingestion.workitems";
    public const string IngestionAgentStates = "ingestion.agent-states";
    public const string IngestionRoster = "ingestion.roster";
    public const string ForecastingForecasts = "forecasting.forecasts";
    public const string SchedulingRequirements = "scheduling.requirements";
    public const string SchedulingSchedules = "scheduling.schedules";
    public const string BlendingDecisions = "blending.decisions";

    public static IReadOnlyList<string> All { get; } =
    [
        IngestionInteractions, IngestionIntervalStats, IngestionWorkItems, IngestionAgentStates, IngestionRoster,
        ForecastingForecasts, SchedulingRequirements, SchedulingSchedules, BlendingDecisions,
    ];
}
