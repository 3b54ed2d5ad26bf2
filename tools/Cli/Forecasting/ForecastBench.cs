using System.CommandLine;
using System.Diagnostics;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;
using BackOfficeCloud.Planning.Forecasting;

namespace BackOfficeCloud.Cli.Forecasting;

/// <summary>`bocloud bench forecast`: auto (3-fold backtest) on generated 30-minute series, two weeks ahead.</summary>
internal static class ForecastBench
{
    public static Command Create()
    {
        var series = new Option<int>("--series") { Description = "Series to generate", DefaultValueFactory = _ => 1000 };
        var weeks = new Option<int>("--weeks") { Description = "Weeks of history per series", DefaultValueFactory = _ => 26 };
        var command = new Command("forecast", "Fit and forecast generated 30-minute series with auto");
        command.Options.Add(series);
        command.Options.Add(weeks);
        command.SetAction(r => Run(r.GetValue(series), r.GetValue(weeks)));
        return command;
    }

    private static void Run(int count, int weeks)
    {
        const int intervalMinutes = 30;
        var zone = LocalTime.FindZone("Europe/Amsterdam");
        var histories = Enumerable.Range(0, count)
            .Select(i => SyntheticSeries.Generate(zone, new DateOnly(2025, 1, 6), weeks, intervalMinutes, seed: i))
            .ToArray();
        var forecaster = new Forecaster();
        var stopwatch = Stopwatch.StartNew();
        var picks = new string[count];
        Parallel.For(0, count, i =>
        {
            var targets = ForecastHorizon.After(histories[i], 14 * 1440 / intervalMinutes);
            picks[i] = forecaster.Forecast(new ForecastRequest(histories[i], targets)).Method;
        });
        stopwatch.Stop();

        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(JsonLine.Write(new BenchLine("forecast", count, Math.Round(seconds, 2), Math.Round(count / seconds, 1), PeakRss.Megabytes())));
    }

    private sealed record BenchLine(string Bench, int Series, double Seconds, double SeriesPerSecond, double PeakRssMb);
}
