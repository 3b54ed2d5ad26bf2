using BackOfficeCloud.Planning.Staffing.Deferrable;
using BackOfficeCloud.Planning.Staffing.Shrinkage;

namespace BackOfficeCloud.Planning.Staffing.Planning;

/// <summary>Everything a requirements plan needs; per-interval lists have one value per interval of the horizon.</summary>
/// <param name="Now">When the plan is made: no earlier than the horizon's start, and before every backlog deadline.</param>
/// <param name="MaxProductiveAgents">Optional cap on productive blended agents per interval (people available).</param>
public sealed record RequirementsRequest(
    PlanningHorizon Horizon,
    DateTimeOffset Now,
    IReadOnlyList<ImmediateQueue> Queues,
    IReadOnlyList<DeferrableWorkType> WorkTypes,
    ShrinkageProfile Shrinkage,
    BlendingPolicy Blending,
    IReadOnlyList<double>? MaxProductiveAgents = null);
