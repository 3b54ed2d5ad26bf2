using System.CommandLine;
using System.Globalization;
using BackOfficeCloud.Planning.Scheduling;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Planning.Scheduling.Solving;
using Spectre.Console;

namespace BackOfficeCloud.Cli.Scheduling;

/// <summary>`bocloud schedule --problem problem.json --time-limit SECONDS --output schedule.json`.</summary>
internal static class ScheduleCommand
{
    public static Command Create()
    {
        var problem = new Option<FileInfo>("--problem") { Description = "Problem JSON (see docs/scheduling.md)" };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds to search", DefaultValueFactory = _ => 30 };
        var output = new Option<FileInfo>("--output") { Description = "Schedule JSON to write" };
        var command = new Command("schedule", "Build a schedule with a lower bound and gap; `schedule check` verifies one");
        command.Options.Add(problem);
        command.Options.Add(timeLimit);
        command.Options.Add(output);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var problemFile = r.GetValue(problem);
            var outputFile = r.GetValue(output);
            if (problemFile is null || outputFile is null)
            {
                Console.Error.WriteLine("schedule: --problem and --output are required.");
                return Task.FromResult(2);
            }

            var result = Solve(ScheduleFiles.ReadProblem(problemFile.FullName), TimeSpan.FromSeconds(r.GetValue(timeLimit)), ct);
            ScheduleFiles.Write(outputFile.FullName, result);
            var o = result.Objective;
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[bold]{0}[/]: objective {1:F1} (under {2:F1}, over {3:F1}, deadlines {4:F1}, pay {5:F1}, preferences {6:F1}, fairness {7:F1}), bound {8:F1}, gap {9:P2}, {10} shifts -> {11}",
                result.Status, o.Total, o.UnderCoverage, o.OverCoverage, o.DeadlineShortfall, o.PaidHours, o.Preferences, o.Fairness, result.LowerBound, result.Gap, result.Schedule.Shifts.Count, outputFile.Name);
            return Task.FromResult(0);
        });
        return command;
    }

    private static ScheduleResult Solve(ScheduleProblem problem, TimeSpan limit, CancellationToken ct)
    {
        var optimizer = new ColumnGenerationOptimizer(new ScheduleOptimizerOptions(limit));
        ScheduleResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("starting", maxValue: limit.TotalSeconds);
                var progress = new Progress<ScheduleProgress>(p =>
                {
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Phase}: objective {p.Objective:F0} bound {p.LowerBound:F0} gap {p.Gap:P2}").EscapeMarkup();
                    task.Value = Math.Min(limit.TotalSeconds, p.Elapsed.TotalSeconds);
                });
                result = optimizer.Solve(problem, progress, ct);
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
