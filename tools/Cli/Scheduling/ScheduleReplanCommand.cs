using System.CommandLine;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Replanning;

namespace BackOfficeCloud.Cli.Scheduling;

/// <summary>`bocloud schedule replan --problem p.json --schedule s.json --now ISO --absent E1,E2 --output r.json`.</summary>
internal static class ScheduleReplanCommand
{
    public static Command Create()
    {
        var problem = new Option<FileInfo>("--problem") { Description = "Problem JSON", Required = true };
        var schedule = new Option<FileInfo>("--schedule") { Description = "Published schedule JSON written by `bocloud schedule`", Required = true };
        var now = new Option<DateTimeOffset>("--now") { Description = "Instant from which the rest of the day is repaired (ISO 8601)", Required = true };
        var absent = new Option<string>("--absent") { Description = "Comma-separated ids of employees absent from --now on", DefaultValueFactory = _ => "" };
        var output = new Option<FileInfo>("--output") { Description = "Re-plan JSON to write", Required = true };
        var command = new Command("replan", "Repair the rest of the day after absences with the fewest changes");
        foreach (var option in new Option[] { problem, schedule, now, absent, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(r =>
        {
            var from = r.GetValue(now);
            var plan = ScheduleFiles.ReadProblem(r.GetValue(problem)!.FullName);
            var zone = LocalTime.FindZone(plan.Horizon.TimeZone);
            var absences = r.GetValue(absent)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => new Absence(id, from, DateTimeOffset.MaxValue)).ToList();
            var result = new IntradayReplanner().Replan(
                plan,
                ScheduleFiles.ReadResult(r.GetValue(schedule)!.FullName).Schedule,
                new ReplanRequest(from, absences));
            ScheduleFiles.Write(r.GetValue(output)!.FullName, result);
            foreach (var c in result.Changes)
            {
                Console.WriteLine($"{c.EmployeeId}\t{c.Kind}\t{LocalTime.ToLocal(zone, c.Start):yyyy-MM-dd HH:mm}-{LocalTime.ToLocal(zone, c.End):HH:mm}\t{c.Detail}");
            }

            Console.WriteLine($"missing agent-hours in the rest of the day: {result.MissingAgentHoursBefore:F2} -> {result.MissingAgentHoursAfter:F2}");
        });
        return command;
    }
}
