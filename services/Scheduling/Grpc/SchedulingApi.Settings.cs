using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Scheduling.Planning;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BackOfficeCloud.Scheduling.Grpc;

public sealed partial class SchedulingApi
{
    public override Task<PlanningSettings> GetPlanningSettings(GetPlanningSettingsRequest request, ServerCallContext context) =>
        InTenantAsync(context, async transaction => PlanningSettingsDefaults.Complete(await settings.GetAsync(transaction, context.CancellationToken)));

    [Authorize(Roles = Roles.Writers)]
    public override Task<PlanningSettings> PutPlanningSettings(PlanningSettings request, ServerCallContext context)
    {
        PlanningSettingsDefaults.Validate(request);
        var complete = PlanningSettingsDefaults.Complete(request);
        if (complete.ShiftRules.AllowedLengthsMinutes.Count == 0)
        {
            throw new ValidationException("shift_rules.allowed_lengths_minutes", "needs at least one shift length");
        }

        return InTenantAsync(
            context,
            async transaction =>
            {
                await settings.PutAsync(transaction, complete, context.CancellationToken);
                return complete;
            });
    }
}
