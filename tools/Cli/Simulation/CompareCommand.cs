using System.CommandLine;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Simulation.Reference;
using BackOfficeCloud.Planning.Simulation.Results;
using BackOfficeCloud.Planning.Simulation;

namespace BackOfficeCloud.Cli.Simulation;

/// <summary>
/// `bocloud simulate compare`: the silo scenario under the silo policy against the blended scenario under the
/// threshold policy (the generated reference center unless both files are given), as one JSON line.
/// </summary>
internal static class CompareCommand
{
    private sealed record Line(
        string Comparison,
        double SiloAgentHours,
        double BlendedAgentHours,
        double AgentHoursSavedPct,
        double SiloServiceLevel,
        double SiloServiceLevelCi,
        double BlendedServiceLevel,
        double BlendedServiceLevelCi,
        double SiloAbandonRate,
        double BlendedAbandonRate,
        double SiloBoLate,
        double BlendedBoLate,
        double SiloBoOpenAtEnd,
        double BlendedBoOpenAtEnd,
        int Replications,
        double Seconds);

    public static Command Create()
    {
        var silo = new Option<FileInfo?>("--silo") { Description = "Silo scenario JSON (default: the generated reference center)" };
        var blended = new Option<FileInfo?>("--blended") { Description = "Blended scenario JSON (default: the generated reference center)" };
        var scale = new Option<double>("--scale") { Description = "Reference center scale (1 = about 100 agents)", DefaultValueFactory = _ => 1 };
        var days = new Option<int>("--days") { Description = "Reference center days", DefaultValueFactory = _ => 7 };
        var replications = new Option<int>("--replications") { DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var command = new Command("compare", "Blended (threshold) against silo on the same demand: service level, late items, agent hours");
        foreach (var option in new Option[] { silo, blended, scale, days, replications, seed })
        {
            command.Options.Add(option);
        }

        command.SetAction(r => CliErrors.Run(() =>
        {
            var (siloFile, blendedFile) = (r.GetValue(silo), r.GetValue(blended));
            var reference = siloFile is null || blendedFile is null
                ? ReferenceCenterGenerator.Generate(new ReferenceCenterSettings(r.GetValue(scale), r.GetValue(days)))
                : new ReferenceCenter(ScenarioFiles.Read(siloFile), ScenarioFiles.Read(blendedFile));
            var simulator = new Simulator(new SimulationOptions(r.GetValue(replications), r.GetValue(seed), Environment.ProcessorCount));
            var s = simulator.Simulate(reference.Silo, new SiloPolicy());
            var b = simulator.Simulate(reference.Blended, new ThresholdPolicy());
            Console.WriteLine(JsonLine.Write(new Line(
                "blended_vs_silo",
                Round(s.Overall.AgentHours.Mean),
                Round(b.Overall.AgentHours.Mean),
                Round(100 * (1 - (b.Overall.AgentHours.Mean / s.Overall.AgentHours.Mean))),
                Round(s.Overall.Queues[0].ServiceLevel.Mean),
                Round(s.Overall.Queues[0].ServiceLevel.HalfWidth),
                Round(b.Overall.Queues[0].ServiceLevel.Mean),
                Round(b.Overall.Queues[0].ServiceLevel.HalfWidth),
                Round(s.Overall.Queues[0].AbandonRate.Mean),
                Round(b.Overall.Queues[0].AbandonRate.Mean),
                Round(s.Overall.BackOfficeLate.Mean),
                Round(b.Overall.BackOfficeLate.Mean),
                Round(s.Overall.BackOfficeOpenAtEnd.Mean),
                Round(b.Overall.BackOfficeOpenAtEnd.Mean),
                s.Replications,
                Round(s.Seconds + b.Seconds))));
        }));
        return command;
    }

    private static double Round(double value) => Math.Round(value, 4);
}
