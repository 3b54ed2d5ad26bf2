using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Simulation;
using BackOfficeCloud.Scheduling.Planning;
using BackOfficeCloud.Scheduling.Storage;
using Grpc.Core;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Simulation;

/// <summary>
/// Simulates a stored schedule version: reads it with the tenant's forecasts, roster queues, open backlog and
/// settings in one transaction, runs the simulator outside it (CPU work, replications in parallel) and judges the
/// KPIs against the targets. Blending policies may hand back-office work to agents in phone blocks when the tenant
/// plans blended (the requirements plan counts their idle time as back-office capacity); silo never does.
/// </summary>
public sealed class ScheduleSimulations(NpgsqlDataSource dataSource, ScheduleStore schedules, PlanningInputsReader planningInputs, TimeProvider clock)
{
    public async Task<ScheduleSimulation> SimulateAsync(string tenant, SimulationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (schedule, inputs) = await dataSource.InTenantAsync(
            tenant,
            async transaction => (
                await schedules.GetAsync(transaction, request.ScheduleId, request.Version, cancellationToken)
                    ?? throw new RpcException(new Status(StatusCode.NotFound, $"schedule_id '{request.ScheduleId}' v{request.Version} was not found")),
                await planningInputs.ReadAsync(transaction, cancellationToken)),
            cancellationToken);
        var scenario = ScheduleScenario.Build(schedule, inputs, request);
        var policy = Policy(request.Policy, inputs.Settings.BlendingEnabled);
        var simulator = new Simulator(new SimulationOptions(request.Replications, request.Seed, Environment.ProcessorCount));
        var result = await Task.Run(() => simulator.Simulate(scenario.Scenario, policy), cancellationToken);
        return SimulationVerdict.Judge(result, scenario, request, schedule, clock.GetUtcNow());
    }

    private static IBlendingPolicy Policy(string name, bool blendingEnabled) => name switch
    {
        "threshold" => new ThresholdPolicy(BackOfficeInPhoneBlock: blendingEnabled),
        "greedy" => new GreedyPolicy(BackOfficeInPhoneBlock: blendingEnabled),
        _ => BlendingPolicies.ByName(name),
    };
}
