using System.CommandLine;
using BackOfficeCloud.Planning.Scheduling.Generation;

namespace BackOfficeCloud.Cli.Scheduling;

/// <summary>`bocloud generate schedule-problem --employees N --days D --interval-minutes M --skills S --seed X`.</summary>
internal static class GenerateScheduleProblemCommand
{
    public static Command Create()
    {
        var employees = new Option<int>("--employees") { Description = "Employees", DefaultValueFactory = _ => 100 };
        var days = new Option<int>("--days") { Description = "Days in the horizon", DefaultValueFactory = _ => 7 };
        var interval = new Option<int>("--interval-minutes") { Description = "15 or 30", DefaultValueFactory = _ => 15 };
        var skills = new Option<int>("--skills") { Description = "Skills (queues and back-office work types)", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--output") { Description = "File to write (default: standard output)" };
        var command = new Command("schedule-problem", "Write a realistic scheduling problem as JSON");
        foreach (var option in new Option[] { employees, days, interval, skills, seed, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(r =>
        {
            var problem = ScheduleProblemGenerator.Generate(new GeneratorSettings(
                r.GetValue(employees), r.GetValue(days), r.GetValue(interval), r.GetValue(skills), r.GetValue(seed)));
            if (r.GetValue(output) is { } file)
            {
                ScheduleFiles.Write(file.FullName, problem);
            }
            else
            {
                using var stdout = Console.OpenStandardOutput();
                System.Text.Json.JsonSerializer.Serialize(stdout, problem, Planning.Scheduling.Model.SchedulingJson.Options);
            }
        });
        return command;
    }
}
