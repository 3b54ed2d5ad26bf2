using System.CommandLine;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Planning.Simulation.Reference;

namespace BackOfficeCloud.Cli.Simulation;

/// <summary>`bocloud simulate reference-center --scale 1 --days 7 --output-dir DIR`: writes silo.json and blended.json.</summary>
internal static class GenerateReferenceCommand
{
    public static Command Create()
    {
        var scale = new Option<double>("--scale") { Description = "1 = a peak of 400 calls an hour (about 100 agents)", DefaultValueFactory = _ => 1 };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 7 };
        var outputDir = new Option<DirectoryInfo>("--output-dir") { Description = "Folder for silo.json and blended.json", Required = true };
        var command = new Command("reference-center", "Write the generated reference center, staffed silo and blended (docs/simulation.md)");
        command.Options.Add(scale);
        command.Options.Add(days);
        command.Options.Add(outputDir);
        command.SetAction(r => CliErrors.Run(() =>
        {
            var center = ReferenceCenterGenerator.Generate(new ReferenceCenterSettings(r.GetValue(scale), r.GetValue(days)));
            var dir = r.GetValue(outputDir)!;
            dir.Create();
            ScenarioFiles.Write(new FileInfo(Path.Combine(dir.FullName, "silo.json")), center.Silo);
            ScenarioFiles.Write(new FileInfo(Path.Combine(dir.FullName, "blended.json")), center.Blended);
            Console.WriteLine($"silo: {center.Silo.Agents.Sum(g => g.Count)} agents, blended: {center.Blended.Agents.Sum(g => g.Count)} agents -> {dir.FullName}");
        }));
        return command;
    }
}
