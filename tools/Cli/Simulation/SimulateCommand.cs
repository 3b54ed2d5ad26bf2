using System.CommandLine;
using System.Globalization;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Simulation;

namespace BackOfficeCloud.Cli.Simulation;

/// <summary>`bocloud simulate --scenario scenario.json --policy threshold|silo|greedy --replications R --seed S --output kpis.json`.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "Scenario JSON (see docs/simulation.md)", Required = true };
        var policy = new Option<string>("--policy") { Description = "threshold, silo or greedy", DefaultValueFactory = _ => "threshold" };
        var replications = new Option<int>("--replications") { Description = "Independent replications", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the first replication", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--output") { Description = "KPI JSON to write", Required = true };
        var command = new Command("simulate", "Simulate a blended center under a blending policy; `simulate compare` runs blended against silo");
        foreach (var option in new Option[] { scenario, policy, replications, seed, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(r => CliErrors.Run(() =>
        {
            var result = new Simulator(new SimulationOptions(r.GetValue(replications), r.GetValue(seed), Environment.ProcessorCount))
                .Simulate(ScenarioFiles.Read(r.GetValue(scenario)!), BlendingPolicies.ByName(r.GetValue(policy)!));
            ScenarioFiles.Write(r.GetValue(output)!, result);
            foreach (var q in result.Overall.Queues)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{q.Queue}: service level {q.ServiceLevel.Mean:P1} ± {q.ServiceLevel.HalfWidth:P1}, ASA {q.AsaSeconds.Mean:F1} s, abandoned {q.AbandonRate.Mean:P1}"));
            }

            var o = result.Overall;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"back office: {o.BackOfficeCompleted.Mean:F0} completed, {o.BackOfficeLate.Mean:F1} late, {o.BackOfficeOpenAtEnd.Mean:F0} open at the end; {o.AgentHours.Mean:F0} agent hours, utilization {o.Utilization.Mean:P1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Policy}, {result.Replications} replications, {result.Events} events in {result.Seconds:F2} s -> {r.GetValue(output)!.Name}"));
        }));
        return command;
    }
}
