using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Scheduling.Simulation;
using BackOfficeCloud.ServiceDefaults.Security;
using Grpc.Core;

namespace BackOfficeCloud.Scheduling.Grpc;

public sealed partial class SchedulingApi
{
    public override Task<ScheduleSimulation> SimulateSchedule(SimulateScheduleRequest request, ServerCallContext context) =>
        simulations.SimulateAsync(
            context.Tenant(), SimulationRequest.From(request, Id(request.ScheduleId, "schedule_id"), request.Version), context.CancellationToken);

    public override async Task<ListSchedulesResponse> ListSchedules(ListSchedulesRequest request, ServerCallContext context) =>
        new() { Schedules = { await InTenantAsync(context, t => scheduleList.LatestPerPeriodAsync(t, context.CancellationToken)) } };

    /// <summary>
    /// Simulates the version about to be published and stores the result with it (kept even when publishing is then
    /// refused); refuses with the misses unless the request forces it.
    /// </summary>
    private async Task<ScheduleSimulation> ValidateAsync(PublishScheduleRequest request, Guid scheduleId, ServerCallContext context)
    {
        var validation = await simulations.SimulateAsync(
            context.Tenant(), SimulationRequest.From(request.Simulation ?? new SimulateScheduleRequest(), scheduleId, request.Version), context.CancellationToken);
        await InTenantAsync(context, async t =>
        {
            await validations.PutAsync(t, validation, context.CancellationToken);
            return true;
        });
        if (!validation.MeetsTargets && !request.Force)
        {
            throw new RpcException(new Status(
                StatusCode.FailedPrecondition,
                $"schedule_id '{request.ScheduleId}' v{validation.Version} misses its targets in simulation (tolerance {validation.Tolerance}): {string.Join("; ", validation.Misses)}. Publish with force to publish anyway."));
        }

        return validation;
    }
}
