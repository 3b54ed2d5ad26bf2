using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BackOfficeCloud.Scheduling.Grpc;

public sealed partial class SchedulingApi
{
    [Authorize(Roles = Roles.Writers)]
    public override Task<RequirementsPlan> ComputeRequirements(ComputeRequirementsRequest request, ServerCallContext context) =>
        requirements.ComputeAsync(context.Tenant(), request, context.CancellationToken);

    public override Task<RequirementsPlan> GetRequirements(GetRequirementsRequest request, ServerCallContext context) =>
        PlanAsync(request, context);

    public override async Task<BlendedSiloComparison> CompareBlendedSilo(GetRequirementsRequest request, ServerCallContext context) =>
        (await PlanAsync(request, context)).Comparison;

    private Task<RequirementsPlan> PlanAsync(GetRequirementsRequest request, ServerCallContext context)
    {
        var planId = Id(request.PlanId, "plan_id");
        return InTenantAsync(context, async transaction =>
            await plans.GetAsync(transaction, planId, context.CancellationToken) ?? throw NotFound("plan_id", request.PlanId));
    }
}
