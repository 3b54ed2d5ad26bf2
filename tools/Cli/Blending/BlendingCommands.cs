using System.CommandLine;

namespace BackOfficeCloud.Cli.Blending;

/// <summary>`bocloud bench blending`.</summary>
public static class BlendingCommands
{
    public static void Register(RootCommand root, Command bench)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(bench);
        bench.Subcommands.Add(BlendingBench.Create());
    }
}
