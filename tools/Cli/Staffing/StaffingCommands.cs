using System.CommandLine;

namespace BackOfficeCloud.Cli.Staffing;

/// <summary>The staffing area of bocloud: erlang, requirements, and their benchmarks.</summary>
public static class StaffingCommands
{
    public static void Register(RootCommand root, Command bench)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(bench);
        root.Subcommands.Add(ErlangCommand.Create());
        root.Subcommands.Add(RequirementsCommand.Create());
        bench.Subcommands.Add(ErlangBench.Create());
        bench.Subcommands.Add(RequirementsBench.Create());
    }
}
