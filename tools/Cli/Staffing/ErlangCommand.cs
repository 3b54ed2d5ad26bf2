using System.CommandLine;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Planning.Staffing.Concurrency;
using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Cli.Staffing;

/// <summary>`bocloud erlang`: staff one queue (or evaluate --agents N) and print one JSON line.</summary>
internal static class ErlangCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "c (Erlang C: callers wait) or a (Erlang A: callers abandon)", DefaultValueFactory = _ => "c" };
        model.AcceptOnlyFromAmong("c", "a");
        var volume = new Option<double>("--volume") { Description = "Contacts offered in the interval (fractional allowed)", Required = true };
        var intervalMinutes = new Option<double>("--interval-minutes") { Description = "Interval length in minutes", DefaultValueFactory = _ => 30 };
        var aht = new Option<double>("--aht") { Description = "Average handle time in seconds", Required = true };
        var patience = new Option<double?>("--patience") { Description = "Mean patience in seconds before a caller abandons (model a)" };
        var targetSl = new Option<double>("--target-sl") { Description = "Share to answer within the target time", DefaultValueFactory = _ => 0.8 };
        var targetSeconds = new Option<double>("--target-seconds") { Description = "Target answer time in seconds", DefaultValueFactory = _ => 20 };
        var maxOccupancy = new Option<double?>("--max-occupancy") { Description = "Highest acceptable occupancy, e.g. 0.85" };
        var maxAsa = new Option<double?>("--max-asa") { Description = "Highest acceptable average speed of answer in seconds" };
        var maxAbandon = new Option<double?>("--max-abandon") { Description = "Highest acceptable abandon rate (model a)" };
        var concurrency = new Option<int>("--concurrency") { Description = "Sessions one agent handles at once (chat, messaging)", DefaultValueFactory = _ => 1 };
        var agents = new Option<double?>("--agents") { Description = "Evaluate this many agents instead of searching" };

        var command = new Command("erlang", "Erlang C or A staffing for one interval of one queue (one JSON line)");
        foreach (var option in new Option[] { model, volume, intervalMinutes, aht, patience, targetSl, targetSeconds, maxOccupancy, maxAsa, maxAbandon, concurrency, agents })
        {
            command.Options.Add(option);
        }

        command.SetAction(r => CliErrors.Run(() =>
        {
            var isErlangA = r.GetValue(model) == "a";
            var queueModel = QueueModel(isErlangA, r.GetValue(aht), r.GetValue(patience), r.GetValue(concurrency));
            var load = OfferedLoad.Erlangs(r.GetValue(volume), r.GetValue(intervalMinutes), r.GetValue(aht));
            var target = new StaffingTarget(r.GetValue(targetSl), r.GetValue(targetSeconds), r.GetValue(maxAsa), r.GetValue(maxOccupancy), r.GetValue(maxAbandon));
            var metrics = r.GetValue(agents) is { } n
                ? queueModel.Evaluate(n, load, target.TargetSeconds)
                : queueModel.RequiredAgents(load, target);
            Console.WriteLine(StaffingJson.Line(ErlangLine.From(metrics, isErlangA)));
        }));
        return command;
    }

    private static IQueueModel QueueModel(bool isErlangA, double ahtSeconds, double? patienceSeconds, int concurrency)
    {
        IQueueModel sessions = isErlangA
            ? new ErlangAModel(ahtSeconds, patienceSeconds ?? throw new ArgumentException("--patience SECONDS is required with --model a."))
            : new ErlangCModel(ahtSeconds);
        return concurrency == 1 ? sessions : new ConcurrentChannelModel(sessions, concurrency);
    }

    /// <param name="AsaSeconds">Null when the queue is unstable (Erlang C with no more agents than Erlangs).</param>
    /// <param name="AbandonRate">Only for model a.</param>
    private sealed record ErlangLine(double Agents, double ServiceLevel, double? AsaSeconds, double Occupancy, double PWait, double? AbandonRate)
    {
        public static ErlangLine From(QueueMetrics m, bool isErlangA) => new(
            m.Agents,
            m.ServiceLevel,
            double.IsFinite(m.AsaSeconds) ? m.AsaSeconds : null,
            m.Occupancy,
            m.ProbabilityOfWait,
            isErlangA ? m.AbandonRate : null);
    }
}
