using System.CommandLine;

namespace BackOfficeCloud.Cli.Forecasting;

/// <summary>The forecasting area of bocloud: forecast, backtest and the forecast benchmarks (engine and service).</summary>
public static class ForecastingCommands
{
    public static void Register(RootCommand root, Command bench)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(bench);
        root.Subcommands.Add(ForecastCommand.Create());
        root.Subcommands.Add(BacktestCommand.Create());
        bench.Subcommands.Add(ForecastBench.Create());
        bench.Subcommands.Add(ForecastServiceBench.Create());
    }
}
