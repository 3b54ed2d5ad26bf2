using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using BackOfficeCloud.Planning.Staffing.Planning;

namespace BackOfficeCloud.Cli.Staffing;

/// <summary>`bocloud bench requirements`: plans a generated week (15-minute intervals, 20 queues, 10 work types).</summary>
internal static class RequirementsBench
{
    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "Days to plan", DefaultValueFactory = _ => 7 };
        var intervalMinutes = new Option<int>("--interval-minutes") { Description = "Interval length", DefaultValueFactory = _ => 15 };
        var queues = new Option<int>("--queues") { Description = "Immediate queues", DefaultValueFactory = _ => 20 };
        var workTypes = new Option<int>("--work-types") { Description = "Back-office work types", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 7 };
        var writePlan = new Option<FileInfo?>("--write-plan") { Description = "Also write the generated plan.json here" };
        var algorithm = RequirementsCommand.AlgorithmOption();
        var command = new Command("requirements", "Blended requirements LP on a generated week, with its optimality gap");
        foreach (var option in new Option[] { days, intervalMinutes, queues, workTypes, seed, algorithm, writePlan })
        {
            command.Options.Add(option);
        }

        command.SetAction(r =>
        {
            var plan = SyntheticPlan.Create(r.GetValue(days), r.GetValue(intervalMinutes), r.GetValue(queues), r.GetValue(workTypes), r.GetValue(seed));
            if (r.GetValue(writePlan) is { } file)
            {
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(plan, StaffingJson.Indented));
            }

            var request = PlanFileMapping.ToRequest(plan);
            var stopwatch = Stopwatch.StartNew();
            var result = new RequirementsPlanner(RequirementsOptions.Default with { Algorithm = r.GetValue(algorithm) }).Plan(request);
            stopwatch.Stop();
            Console.WriteLine(StaffingJson.Line(new BenchLine(
                "requirements",
                result.Intervals.Count,
                request.Queues.Count,
                request.WorkTypes.Count,
                Math.Round(stopwatch.Elapsed.TotalSeconds, 3),
                Math.Round(result.Blended.Gap, 6),
                result.Status.ToString().ToLowerInvariant(),
                Math.Round(result.Blended.PaidHours, 1),
                Math.Round(result.Silo.PaidHours, 1),
                Math.Round(result.SavingShare, 4))));
        });
        return command;
    }

    private sealed record BenchLine(
        string Bench, int Intervals, int Queues, int WorkTypes, double Seconds, double Gap, string Status, double BlendedPaidHours, double SiloPaidHours, double SavingShare);
}
