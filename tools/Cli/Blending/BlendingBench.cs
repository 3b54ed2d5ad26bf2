using System.CommandLine;
using System.Diagnostics;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Planning.Blending.Model;
using BackOfficeCloud.Planning.Blending;

namespace BackOfficeCloud.Cli.Blending;

/// <summary>
/// `bocloud bench blending --agents 10000 --open-items 1000000`: loads a tenant with that many agents and open items,
/// then replays a stream of agent events (contacts ending, items completed or pended, agents freed, queue updates
/// that recall agents) and times every engine call that decides something.
/// </summary>
internal static class BlendingBench
{
    private sealed record Line(string Bench, int Agents, int OpenItems, int Decisions, double DecisionsPerSecond, double P50Us, double P99Us, double PeakRssMb);

    public static Command Create()
    {
        var agents = new Option<int>("--agents") { DefaultValueFactory = _ => 10_000 };
        var openItems = new Option<int>("--open-items") { DefaultValueFactory = _ => 1_000_000 };
        var decisions = new Option<int>("--decisions") { Description = "Timed decisions (after a warm-up)", DefaultValueFactory = _ => 500_000 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var command = new Command("blending", "Decision latency and throughput of the blending engine at scale");
        foreach (var option in new Option[] { agents, openItems, decisions, seed })
        {
            command.Options.Add(option);
        }

        command.SetAction(r =>
        {
            var workload = new BlendingWorkload(r.GetValue(agents), r.GetValue(openItems), r.GetValue(seed));
            workload.Run(20_000, record: false);
            var latencies = workload.Run(r.GetValue(decisions), record: true);
            var seconds = latencies.WallSeconds;
            var ticks = latencies.Ticks;
            Array.Sort(ticks);
            double Percentile(double p) => Math.Round(ticks[(int)Math.Min(ticks.Length - 1, p * ticks.Length)] * 1e6 / Stopwatch.Frequency, 2);
            Console.WriteLine(JsonLine.Write(new Line(
                "blending", r.GetValue(agents), workload.OpenItems, ticks.Length, Math.Round(ticks.Length / seconds),
                Percentile(0.50), Percentile(0.99), PeakRss.Megabytes())));
        });
        return command;
    }
}
