using System.CommandLine;
using System.Diagnostics;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Simulation.Reference;
using BackOfficeCloud.Planning.Simulation.Scenario;
using BackOfficeCloud.Planning.Simulation;

namespace BackOfficeCloud.Cli.Simulation;

/// <summary>
/// `bocloud bench simulate`: weeks of the blended reference center at about 1,000 agents, threshold policy in the
/// loop. Two lines: the process's first week (cold: the JIT compiles as it goes), then <c>--replications</c> more
/// weeks in the same process (warm: the first week is their warm-up and is not counted in them). Besides wall seconds
/// each line gives the CPU seconds the process used meanwhile, since the build machine is shared.
/// </summary>
internal static class SimulateBench
{
    private sealed record Line(
        string Bench, int Agents, int Days, string Policy, bool Warm, int Replications, int Parallelism,
        long Events, double Seconds, double EventsPerSecond, double CpuSeconds, double PeakRssMb);

    public static Command Create()
    {
        var scale = new Option<double>("--scale") { Description = "Reference center scale (13.5 = about 1,000 blended agents)", DefaultValueFactory = _ => 13.5 };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 7 };
        var policy = new Option<string>("--policy") { DefaultValueFactory = _ => "threshold" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var replications = new Option<int>("--replications") { Description = "Warm weeks timed after the cold one (0: the cold week only)", DefaultValueFactory = _ => 5 };
        var parallelism = new Option<int>("--parallelism") { Description = "Warm weeks run at once (each on its own thread)", DefaultValueFactory = _ => 1 };
        var command = new Command("simulate", "Simulate weeks of a 1,000-agent blended center: the first cold, then warm replications");
        foreach (var option in new Option[] { scale, days, policy, seed, replications, parallelism })
        {
            command.Options.Add(option);
        }

        command.SetAction(r =>
        {
            var scenario = ReferenceCenterGenerator.Generate(new ReferenceCenterSettings(r.GetValue(scale), r.GetValue(days))).Blended;
            var blending = BlendingPolicies.ByName(r.GetValue(policy)!);
            var first = r.GetValue(seed);
            Console.WriteLine(Measure(scenario, blending, new SimulationOptions(1, first), warm: false));
            if (r.GetValue(replications) > 0)
            {
                var warmRuns = new SimulationOptions(r.GetValue(replications), first + 1, r.GetValue(parallelism));
                Console.WriteLine(Measure(scenario, blending, warmRuns, warm: true));
            }
        });
        return command;
    }

    private static string Measure(SimulationScenario scenario, IBlendingPolicy policy, SimulationOptions options, bool warm)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = new Simulator(options).Simulate(scenario, policy);
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return JsonLine.Write(new Line(
            "simulate", scenario.Agents.Sum(g => g.Count), scenario.Days, result.Policy, warm, options.Replications, options.MaxParallelism,
            result.Events, Math.Round(result.Seconds, 3), Math.Round(result.Events / result.Seconds), Math.Round(cpuSeconds, 3), PeakRss.Megabytes()));
    }
}
