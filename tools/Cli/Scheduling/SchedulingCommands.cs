using System.CommandLine;

namespace BackOfficeCloud.Cli.Scheduling;

/// <summary>`bocloud schedule` (+ `check`, `replan`), `bocloud generate schedule-problem`, `bocloud bench schedule`.</summary>
public static class SchedulingCommands
{
    public static void Register(RootCommand root, Command bench)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(bench);
        var schedule = ScheduleCommand.Create();
        schedule.Subcommands.Add(ScheduleCheckCommand.Create());
        schedule.Subcommands.Add(ScheduleReplanCommand.Create());
        root.Subcommands.Add(schedule);
        var generate = root.Subcommands.FirstOrDefault(c => c.Name == "generate");
        if (generate is null)
        {
            generate = new Command("generate", "Write generated example inputs");
            root.Subcommands.Add(generate);
        }

        generate.Subcommands.Add(GenerateScheduleProblemCommand.Create());
        bench.Subcommands.Add(ScheduleBench.Create());
    }
}
