using System.CommandLine;
using System.Diagnostics;
using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Cli.Staffing;

/// <summary>
/// `bocloud bench erlang`: Erlang C staffing searches, single-threaded, over loads log-uniform in 0.1–2,000 Erlangs,
/// AHT 30–1,200 s and service-level targets 60–95% within 20 s. Inputs are drawn before the clock starts.
/// </summary>
internal static class ErlangBench
{
    public static Command Create()
    {
        var solves = new Option<int>("--solves") { Description = "Staffing searches to run", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the mix", DefaultValueFactory = _ => 42 };
        var command = new Command("erlang", "1,000,000 Erlang C staffing searches (single-threaded)");
        command.Options.Add(solves);
        command.Options.Add(seed);
        command.SetAction(r => Run(r.GetValue(solves), r.GetValue(seed)));
        return command;
    }

    private static void Run(int solves, int seed)
    {
        var random = new Random(seed);
        var loads = new double[solves];
        var ahts = new double[solves];
        var targets = new StaffingTarget[solves];
        for (var i = 0; i < solves; i++)
        {
            loads[i] = Math.Exp(Math.Log(0.1) + (random.NextDouble() * Math.Log(2000 / 0.1)));
            ahts[i] = 30 + (random.NextDouble() * 1170);
            targets[i] = new StaffingTarget(0.6 + (random.NextDouble() * 0.35), 20);
        }

        var agents = 0.0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < solves; i++)
        {
            agents += ErlangC.RequiredAgents(loads[i], ahts[i], targets[i]).Agents;
        }

        stopwatch.Stop();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"mean agents {agents / solves:F1}");
        Console.WriteLine(StaffingJson.Line(new BenchLine("erlang", solves, Math.Round(seconds, 3), Math.Round(solves / seconds))));
    }

    private sealed record BenchLine(string Bench, int Solves, double Seconds, double SolvesPerSecond);
}
