using System.CommandLine;
using System.Diagnostics;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Simulation.Reference;
using BackOfficeCloud.Planning.Simulation;

namespace BackOfficeCloud.Cli.Simulation;

/// <summary>
/// `bocloud bench simulate`: one week of the blended reference center at about 1,000 agents, threshold policy in the
/// loop. Besides wall seconds it prints the CPU seconds the run used, since the build machine is shared. A short
/// warm-up run (other seed) comes first, so the timed week runs compiled code rather than the JIT's first tiers.
/// </summary>
internal static class SimulateBench
{
    private sealed record Line(string Bench, int Agents, int Days, string Policy, long Events, double Seconds, double EventsPerSecond, double CpuSeconds, int WarmupDays, double PeakRssMb);

    public static Command Create()
    {
        var scale = new Option<double>("--scale") { Description = "Reference center scale (13.5 = about 1,000 blended agents)", DefaultValueFactory = _ => 13.5 };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 7 };
        var policy = new Option<string>("--policy") { DefaultValueFactory = _ => "threshold" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var warmup = new Option<int>("--warmup-days") { Description = "Days simulated (untimed) before the timed run; 0 times a cold start", DefaultValueFactory = _ => 2 };
        var command = new Command("simulate", "Simulate one week of a 1,000-agent blended center (one replication)");
        foreach (var option in new Option[] { scale, days, policy, seed, warmup })
        {
            command.Options.Add(option);
        }

        command.SetAction(r =>
        {
            var scenario = ReferenceCenterGenerator.Generate(new ReferenceCenterSettings(r.GetValue(scale), r.GetValue(days))).Blended;
            var warmupDays = r.GetValue(warmup);
            if (warmupDays > 0)
            {
                var warmupCenter = ReferenceCenterGenerator.Generate(new ReferenceCenterSettings(r.GetValue(scale), warmupDays)).Blended;
                new Simulator(new SimulationOptions(1, r.GetValue(seed) + 1)).Simulate(warmupCenter, BlendingPolicies.ByName(r.GetValue(policy)!));
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var result = new Simulator(new SimulationOptions(1, r.GetValue(seed))).Simulate(scenario, BlendingPolicies.ByName(r.GetValue(policy)!));
            Console.WriteLine(JsonLine.Write(new Line(
                "simulate", scenario.Agents.Sum(g => g.Count), scenario.Days, result.Policy, result.Events,
                Math.Round(result.Seconds, 3), Math.Round(result.Events / result.Seconds),
                Math.Round((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, 3), warmupDays, PeakRss.Megabytes())));
        });
        return command;
    }
}
