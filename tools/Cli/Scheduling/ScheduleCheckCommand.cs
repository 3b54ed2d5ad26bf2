using System.CommandLine;
using BackOfficeCloud.Planning.Scheduling.Checking;

namespace BackOfficeCloud.Cli.Scheduling;

/// <summary>`bocloud schedule check --problem problem.json --schedule schedule.json`: exit code 1 if any hard rule is broken.</summary>
internal static class ScheduleCheckCommand
{
    public static Command Create()
    {
        var problem = new Option<FileInfo>("--problem") { Description = "Problem JSON", Required = true };
        var schedule = new Option<FileInfo>("--schedule") { Description = "Schedule JSON written by `bocloud schedule`", Required = true };
        var command = new Command("check", "Verify every hard rule of a schedule, independently of the solver");
        command.Options.Add(problem);
        command.Options.Add(schedule);
        command.SetAction(r =>
        {
            var violations = new ScheduleChecker().Check(
                ScheduleFiles.ReadProblem(r.GetValue(problem)!.FullName),
                ScheduleFiles.ReadResult(r.GetValue(schedule)!.FullName).Schedule);
            foreach (var v in violations)
            {
                Console.WriteLine($"{v.EmployeeId}\t{v.Rule}\t{v.Detail}");
            }

            Console.WriteLine(violations.Count == 0 ? "OK: no hard-rule violations" : $"{violations.Count} violation(s)");
            return violations.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
