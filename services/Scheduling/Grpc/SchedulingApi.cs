using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Planning.Staffing.Queueing;
using BackOfficeCloud.Scheduling.Events;
using BackOfficeCloud.Scheduling.Jobs;
using BackOfficeCloud.Scheduling.Planning;
using BackOfficeCloud.Scheduling.Simulation;
using BackOfficeCloud.Scheduling.Storage;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Grpc;

/// <summary>
/// The Scheduling API: Erlang staffing, planning settings, requirements plans, schedule jobs and schedules (one file
/// per area). Each RPC validates, calls a store or an engine in the caller's tenant transaction, and maps the result.
/// </summary>
[Authorize(Roles = Roles.Readers)]
public sealed partial class SchedulingApi(
    NpgsqlDataSource dataSource,
    SettingsStore settings,
    RequirementsComputation requirements,
    PlanStore plans,
    ScheduleJobStore jobs,
    ScheduleStore schedules,
    SchedulingEvents events,
    JobQueueSignal queued,
    ScheduleSimulations simulations,
    ScheduleValidationStore validations,
    ScheduleListStore scheduleList) : SchedulingService.SchedulingServiceBase
{
    public override Task<ErlangResult> ComputeErlang(ErlangRequest request, ServerCallContext context)
    {
        if (request.IntervalMinutes <= 0)
        {
            throw new ValidationException("interval_minutes", $"must be above 0 (got {request.IntervalMinutes})");
        }

        if (request.Volume < 0)
        {
            throw new ValidationException("volume", $"must not be negative (got {request.Volume})");
        }

        var load = request.Volume * request.AhtSeconds / (request.IntervalMinutes * 60.0);
        var erlangA = request.Model == QueueModel.ErlangA;
        var target = new StaffingTarget(request.TargetServiceLevel, request.TargetSeconds, MaxOccupancy: request.MaxOccupancy > 0 ? request.MaxOccupancy : null);
        var metrics = (erlangA, request.Agents > 0) switch
        {
            (false, true) => ErlangC.Evaluate(request.Agents, load, request.AhtSeconds, request.TargetSeconds),
            (false, false) => ErlangC.RequiredAgents(load, request.AhtSeconds, target),
            (true, true) => ErlangA.Evaluate(request.Agents, load, request.AhtSeconds, request.PatienceSeconds, request.TargetSeconds),
            (true, false) => ErlangA.RequiredAgents(load, request.AhtSeconds, request.PatienceSeconds, target),
        };
        return Task.FromResult(new ErlangResult
        {
            Agents = (int)Math.Ceiling(metrics.Agents),
            ServiceLevel = metrics.ServiceLevel,
            AsaSeconds = metrics.AsaSeconds,
            Occupancy = metrics.Occupancy,
            PWait = metrics.ProbabilityOfWait,
            AbandonRate = metrics.AbandonRate,
        });
    }

    /// <summary>Runs <paramref name="work"/> in the caller's tenant transaction and commits it.</summary>
    private Task<T> InTenantAsync<T>(ServerCallContext context, Func<NpgsqlTransaction, Task<T>> work) =>
        dataSource.InTenantAsync(context.Tenant(), work, context.CancellationToken);

    private static Guid Id(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException(field, string.IsNullOrEmpty(value) ? "is required" : $"'{value}' is not an id");

    private static RpcException NotFound(string field, string value) =>
        new(new Status(StatusCode.NotFound, $"{field} '{value}' was not found"));
}
