using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.TestKit.Services;

namespace BackOfficeCloud.Scheduling.Tests.Support;

/// <summary>The Scheduling service in process; forecasts, roster and work items reach it through the broker.</summary>
public sealed class SchedulingServiceFixture() : InProcessService<Program>("scheduling", Topics.SchedulingRequirements, Topics.SchedulingSchedules)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Scheduling:Jobs:PollInterval"] = "00:00:00.200",
        ["Scheduling:Jobs:StaleAfter"] = "00:00:30",
    };

    public async Task<SchedulingService.SchedulingServiceClient> ClientAsync(string tenant, string role = Roles.Planner) =>
        new(Channel(await NewApiKeyAsync(tenant, role)));

    public async Task<HttpClient> RestAsync(string tenant, string role = Roles.Planner) => Rest(await NewApiKeyAsync(tenant, role));

    public Task<RequirementsPublished?> PublishedRequirementsAsync(string tenant, string planId) =>
        Published.WaitForAsync<RequirementsPublished>(tenant, EventTypes.RequirementsPublished, e => e.PlanId == planId);

    public Task<SchedulePublished?> PublishedScheduleAsync(string tenant, string scheduleId, int version) =>
        Published.WaitForAsync<SchedulePublished>(tenant, EventTypes.SchedulePublished, e => e.ScheduleId == scheduleId && e.Version == version);
}

[CollectionDefinition(Name)]
public sealed class SchedulingCollection : ICollectionFixture<SchedulingServiceFixture>
{
    public const string Name = "scheduling service";
}
