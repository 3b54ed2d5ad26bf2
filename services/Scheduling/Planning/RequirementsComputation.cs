using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Planning.Staffing.Planning;
using BackOfficeCloud.Scheduling.Events;
using BackOfficeCloud.Scheduling.Storage;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>
/// Computes a requirements plan for a tenant: reads the stored inputs, runs the staffing engine (outside any
/// transaction: it is CPU work), then stores the plan with its schedule demand and publishes it in one transaction.
/// </summary>
public sealed class RequirementsComputation(
    NpgsqlDataSource dataSource, PlanningInputsReader planningInputs, PlanStore plans, SchedulingEvents events, TimeProvider clock)
{
    private readonly IRequirementsPlanner _planner = new RequirementsPlanner(RequirementsOptions.Default);

    public async Task<RequirementsPlan> ComputeAsync(string tenantId, ComputeRequirementsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = await dataSource.InTenantAsync(tenantId, transaction => planningInputs.ReadAsync(transaction, cancellationToken), cancellationToken);
        var zone = inputs.Settings.TimeZone;
        var period = PlanningPeriod.Of(request, zone);
        var now = new[] { clock.GetUtcNow(), period.Start }.Min();
        var staffing = RequirementsRequestBuilder.Build(inputs, period, [.. request.Queues], now);
        var result = _planner.Plan(staffing);
        var plan = RequirementsPlanMapper.ToPlan(Guid.CreateVersion7(), staffing, result, period, zone);
        var demand = ScheduleDemand.From(staffing, result, period, zone);

        await dataSource.InTenantAsync(
            tenantId,
            async transaction =>
            {
                await plans.InsertAsync(transaction, plan, demand, cancellationToken);
                await events.RequirementsComputedAsync(tenantId, plan, transaction, cancellationToken);
            },
            cancellationToken);
        return plan;
    }
}
