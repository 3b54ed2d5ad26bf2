using System.CommandLine;

var root = new RootCommand("bocloud: BackOfficeCloud's planning engines on files, the running platform, and the benchmarks");
var bench = new Command("bench", "Benchmarks (build in Release); each prints one JSON line per result");
root.Subcommands.Add(bench);
BackOfficeCloud.Cli.Staffing.StaffingCommands.Register(root, bench);
BackOfficeCloud.Cli.Scheduling.SchedulingCommands.Register(root, bench);
BackOfficeCloud.Cli.Forecasting.ForecastingCommands.Register(root, bench);
BackOfficeCloud.Cli.Blending.BlendingCommands.Register(root, bench);
BackOfficeCloud.Cli.Simulation.SimulationCommands.Register(root, bench);
BackOfficeCloud.Cli.Bus.BusCommands.Register(root, bench);
BackOfficeCloud.Cli.Import.ImportCommands.Register(root, bench);

return await root.Parse(args).InvokeAsync();
