using System.CommandLine;

namespace BackOfficeCloud.Cli.Simulation;

/// <summary>`bocloud simulate`, `bocloud simulate compare`, `bocloud generate reference-center`, `bocloud bench simulate`.</summary>
public static class SimulationCommands
{
    public static void Register(RootCommand root, Command bench)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(bench);
        var simulate = SimulateCommand.Create();
        simulate.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(simulate);
        var generate = root.Subcommands.FirstOrDefault(c => c.Name == "generate");
        if (generate is null)
        {
            generate = new Command("generate", "Write generated example inputs");
            root.Subcommands.Add(generate);
        }

        generate.Subcommands.Add(GenerateReferenceCommand.Create());
        bench.Subcommands.Add(SimulateBench.Create());
    }
}
