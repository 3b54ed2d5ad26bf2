using System.CommandLine;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Planning.Scheduling;
using BackOfficeCloud.Planning.Scheduling.Checking;
using BackOfficeCloud.Planning.Scheduling.Generation;
using BackOfficeCloud.Planning.Scheduling.Solving;

namespace BackOfficeCloud.Cli.Scheduling;

/// <summary>`bocloud bench schedule`: the three instance sizes, one JSON line each.</summary>
internal static class ScheduleBench
{
    private sealed record Size(string Name, int Employees, int Skills, int Seconds);

    private static readonly Size[] Sizes = [new("small", 100, 3, 10), new("medium", 500, 4, 60), new("large", 1500, 6, 180)];

    private sealed record Line(string Instance, int Employees, int Intervals, double Seconds, double Objective, double LowerBound, double Gap, int Violations, string Status, int Iterations, double PeakRssMb);

    public static Command Create()
    {
        var size = new Option<string>("--size") { Description = "small, medium, large or all", DefaultValueFactory = _ => "all" };
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 1 };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Override the size's time limit (seconds)" };
        var command = new Command("schedule", "Solve generated 7-day, 15-minute instances: 100×3 skills (10 s), 500×4 (60 s), 1500×6 (180 s)");
        command.Options.Add(size);
        command.Options.Add(seed);
        command.Options.Add(timeLimit);
        var verbose = new Option<bool>("--verbose") { Description = "Print solver progress to standard error" };
        command.Options.Add(verbose);
        command.SetAction(r =>
        {
            var wanted = r.GetValue(size);
            foreach (var s in Sizes.Where(s => wanted == "all" || s.Name == wanted))
            {
                var problem = ScheduleProblemGenerator.Generate(new GeneratorSettings(s.Employees, 7, 15, s.Skills, r.GetValue(seed)));
                var limit = TimeSpan.FromSeconds(r.GetValue(timeLimit) ?? s.Seconds);
                var result = new ColumnGenerationOptimizer(new ScheduleOptimizerOptions(limit)).Solve(problem, r.GetValue(verbose) ? new StandardErrorProgress() : null);
                var violations = new ScheduleChecker().Check(problem, result.Schedule).Count;
                var intervals = result.Coverage.Count > 0 ? result.Coverage[0].Required.Count : 0;
                Console.WriteLine(JsonLine.Write(
                    new Line(s.Name, s.Employees, intervals, Math.Round(result.Elapsed.TotalSeconds, 2), Math.Round(result.Objective.Total, 2),
                        Math.Round(result.LowerBound, 2), Math.Round(result.Gap, 5), violations, result.Status.ToString(), result.Iterations, PeakRss.Megabytes())));
            }
        });
        return command;
    }

    private sealed class StandardErrorProgress : IProgress<Planning.Scheduling.Model.ScheduleProgress>
    {
        public void Report(Planning.Scheduling.Model.ScheduleProgress value) =>
            Console.Error.WriteLine($"{value.Elapsed.TotalSeconds,7:F1}s {value.Phase,-9} objective {value.Objective,12:F1} bound {value.LowerBound,12:F1} gap {value.Gap:P2}");
    }
}
