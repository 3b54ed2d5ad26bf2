using System.CommandLine;
using System.Text.Json;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Planning.Staffing.Planning;

namespace BackOfficeCloud.Cli.Staffing;

/// <summary>`bocloud requirements`: plan.json in, requirements.json out, one summary line on stdout.</summary>
internal static class RequirementsCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "Plan file (see docs/staffing.md)", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "Requirements file to write", Required = true };
        var timeLimit = new Option<double>("--time-limit") { Description = "Solver time limit in seconds", DefaultValueFactory = _ => 30 };
        var algorithm = AlgorithmOption();
        var command = new Command("requirements", "Per-interval requirements: Erlang for immediate queues, deferrable work by its deadlines, blended vs silo");
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(timeLimit);
        command.Options.Add(algorithm);
        command.SetAction(r => CliErrors.Run(() =>
        {
            var file = JsonSerializer.Deserialize<PlanFile>(File.ReadAllText(r.GetValue(input)!.FullName), StaffingJson.Options)
                ?? throw new InvalidDataException("The plan file is empty.");
            var request = PlanFileMapping.ToRequest(file);
            var options = RequirementsOptions.Default with { TimeLimit = TimeSpan.FromSeconds(r.GetValue(timeLimit)), Algorithm = r.GetValue(algorithm) };
            var result = new RequirementsPlanner(options).Plan(request);
            var written = RequirementsFile.From(result, request);
            File.WriteAllText(r.GetValue(output)!.FullName, JsonSerializer.Serialize(written, StaffingJson.Indented));
            Console.WriteLine(StaffingJson.Line(new Summary(written.Status, written.Blended.PaidHours, written.Silo.PaidHours, written.SavingShare, written.Blended.Gap, written.Shortfalls.Count)));
        }));
        return command;
    }

    /// <summary>--algorithm glop|pdlp|scip, shared with the benchmark.</summary>
    public static Option<LpAlgorithm> AlgorithmOption() => new("--algorithm")
    {
        Description = "glop (LP, heads rounded up), pdlp (first-order LP) or scip (whole heads by branch and bound)",
        DefaultValueFactory = _ => LpAlgorithm.Glop,
    };

    private sealed record Summary(string Status, double BlendedPaidHours, double SiloPaidHours, double SavingShare, double Gap, int Shortfalls);
}
