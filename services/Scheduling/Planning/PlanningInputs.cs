using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Scheduling.Storage;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>What the service kept from events and settings for one tenant: the inputs of a requirements plan.</summary>
/// <param name="Settings">Complete settings (defaults applied).</param>
public sealed record PlanningInputs(
    PlanningSettings Settings,
    IReadOnlyDictionary<string, RosterQueueUpdated> Queues,
    IReadOnlyDictionary<string, ForecastPublished> Forecasts,
    IReadOnlyList<OpenWorkItem> Backlog);
