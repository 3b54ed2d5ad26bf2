using System.CommandLine;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Planning.Forecasting.Selection;
using BackOfficeCloud.Planning.Forecasting;

namespace BackOfficeCloud.Cli.Forecasting;

/// <summary>`bocloud backtest`: one JSON line per method (and per fold with --per-fold).</summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var input = SeriesOptions.Input();
        var interval = SeriesOptions.IntervalMinutes();
        var zone = SeriesOptions.TimeZone();
        var horizon = new Option<int>("--horizon") { Description = "Intervals per fold (rounded up to whole days)", Required = true };
        var folds = new Option<int>("--folds") { Description = "Rolling origins, the last one ending at the end of the history; auto also selects with this many folds before each origin", DefaultValueFactory = _ => 3 };
        var origins = new Option<int?>("--origins") { Description = "Score this many origins instead (auto still selects with --folds folds before each)" };
        var perFold = new Option<bool>("--per-fold") { Description = "Also print one line per method and origin" };

        var command = new Command("backtest", "Rolling-origin backtest of every method, the combination and auto");
        foreach (var option in new Option[] { input, interval, horizon, folds, origins, zone, perFold })
        {
            command.Options.Add(option);
        }

        command.SetAction(r => CliErrors.Run(() =>
        {
            var history = HistoryCsv.ReadHistory(r.GetValue(input)!.FullName, SeriesOptions.Zone(r.GetValue(zone)), r.GetValue(interval));
            var options = ForecastOptions.Default with { BacktestFolds = r.GetValue(folds) };
            var result = new Backtester(options).Backtest(new BacktestRequest(history, r.GetValue(horizon), Origins: r.GetValue(origins)));
            if (r.GetValue(perFold))
            {
                foreach (var fold in result.Folds)
                {
                    foreach (var score in fold.Scores)
                    {
                        Console.WriteLine(JsonLine.Write(BacktestLine.From(score, fold.AutoPick, fold.Origin)));
                    }
                }
            }

            foreach (var score in result.Scores)
            {
                Console.WriteLine(JsonLine.Write(BacktestLine.From(score, result.AutoPick, null)));
            }
        }));
        return command;
    }

    /// <param name="Origin">The fold's first forecast day; null on the lines over all folds.</param>
    private sealed record BacktestLine(string Method, double Wape, double Mase, double Bias, double Coverage80, double Coverage95, int Folds, string AutoPick, string? Origin)
    {
        public static BacktestLine From(MethodScore s, string autoPick, DateOnly? origin) => new(
            s.Method, Round(s.Wape), Round(s.Mase), Round(s.Bias), Round(s.Coverage80), Round(s.Coverage95), s.Folds, autoPick, origin?.ToString("yyyy-MM-dd"));

        private static double Round(double value) => Math.Round(value, 4);
    }
}
