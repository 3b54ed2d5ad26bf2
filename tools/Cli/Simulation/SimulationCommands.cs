using System.CommandLine;

namespace BackOfficeCloud.Cli.Simulation;

/// <summary>`bocloud simulate`, `bocloud simulate compare`, `bocloud simulate reference-center`, `bocloud bench simulate`.</summary>
public static class SimulationCommands
{
    public static void Register(RootCommand root, Command bench)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(bench);
        var simulate = SimulateCommand.Create();
        simulate.Subcommands.Add(CompareCommand.Create());
        simulate.Subcommands.Add(GenerateReferenceCommand.Create());
        root.Subcommands.Add(simulate);
        bench.Subcommands.Add(SimulateBench.Create());
    }
}
