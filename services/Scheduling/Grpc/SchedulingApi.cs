using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Staffing.Queueing;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BackOfficeCloud.Scheduling.Grpc;

[Authorize(Roles = Roles.Readers)]
public sealed class SchedulingApi : SchedulingService.SchedulingServiceBase
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
}
