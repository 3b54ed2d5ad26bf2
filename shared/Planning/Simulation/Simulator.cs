using System.Diagnostics;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Simulation.Results;
using BackOfficeCloud.Planning.Simulation.Run;
using BackOfficeCloud.Planning.Simulation.Scenario;

namespace BackOfficeCloud.Planning.Simulation;

/// <summary>
/// Discrete-event simulation of a blended center: a heap of struct events, the real blending engine deciding for
/// every agent, independent seeded replications. <see cref="SimulationResult.Seconds"/> is wall time measured with
/// a <see cref="Stopwatch"/> (elapsed time, not a clock read).
/// </summary>
public sealed class Simulator(SimulationOptions options) : ISimulator
{
    public SimulationResult Simulate(SimulationScenario scenario, IBlendingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        options.Validate();
        var watch = Stopwatch.StartNew();
        var model = new CenterModel(scenario);
        var tallies = new Tally[options.Replications];
        Parallel.For(
            0,
            options.Replications,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism },
            r => tallies[r] = new Replication(model, policy, unchecked(options.Seed + r)).Run());
        var (overall, intervals) = ResultBuilder.Build(model, tallies);
        return new SimulationResult(
            policy.Name, options.Replications, options.Seed, tallies.Sum(t => t.Events), watch.Elapsed.TotalSeconds, overall, intervals);
    }
}
