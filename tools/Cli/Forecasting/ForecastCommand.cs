using System.CommandLine;
using System.Globalization;
using BackOfficeCloud.Cli.Common;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;
using BackOfficeCloud.Planning.Forecasting;
using CsvHelper;

namespace BackOfficeCloud.Cli.Forecasting;

/// <summary>`bocloud forecast`: forecasts a history file into out.csv with prediction intervals.</summary>
internal static class ForecastCommand
{
    public static Command Create()
    {
        var input = SeriesOptions.Input();
        var interval = SeriesOptions.IntervalMinutes();
        var zone = SeriesOptions.TimeZone();
        var horizon = new Option<int?>("--horizon") { Description = "Intervals to forecast after the last history row" };
        var timestamps = new Option<FileInfo?>("--timestamps") { Description = "CSV with a 'timestamp' header listing exactly the intervals to forecast" };
        var method = new Option<string>("--method") { Description = $"auto or one of: {string.Join(", ", ForecastMethods.All)}", DefaultValueFactory = _ => ForecastMethods.Auto };
        var special = new Option<FileInfo?>("--special-days") { Description = "CSV date,kind,type,days,effect: closed dates and known events (see docs/forecasting.md)" };
        var output = new Option<FileInfo>("--output") { Description = "Output CSV: timestamp,forecast,lo80,hi80,lo95,hi95,method", Required = true };

        var command = new Command("forecast", "Forecast an interval series (history CSV: timestamp,value)");
        foreach (var option in new Option[] { input, interval, horizon, timestamps, method, zone, special, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(r => CliErrors.Run(() =>
        {
            var tz = SeriesOptions.Zone(r.GetValue(zone));
            var minutes = r.GetValue(interval);
            var history = HistoryCsv.ReadHistory(r.GetValue(input)!.FullName, tz, minutes);
            var targets = (r.GetValue(horizon), r.GetValue(timestamps)) switch
            {
                ({ } n, null) => ForecastHorizon.After(history, n),
                (null, { } file) => ForecastHorizon.At(history.Zone, minutes, HistoryCsv.ReadTimestamps(file.FullName, tz)),
                _ => throw new ArgumentException("Give exactly one of --horizon N or --timestamps future.csv."),
            };

            var specialDays = r.GetValue(special) is { } specialFile ? SpecialDaysCsv.Read(specialFile.FullName) : null;
            var result = new Forecaster().Forecast(new ForecastRequest(history, targets, r.GetValue(method)!, SpecialDays: specialDays));
            Write(r.GetValue(output)!.FullName, history.Zone, result);
            var picked = result.Backtest.FirstOrDefault(s => s.Method == result.Method);
            Console.Error.WriteLine(
                $"{result.Values.Count} intervals forecast with {result.Method} ({string.Join('+', result.Members)}; {result.Status}"
                + (picked is null ? string.Empty : $"; backtest WAPE {picked.Wape:0.###}, 80% coverage {picked.Coverage80:0.###}")
                + (result.UnusualDays.Count == 0 ? string.Empty : $"; {result.UnusualDays.Count} unusual past days left out")
                + $") -> {r.GetValue(output)!.FullName}");
        }));
        return command;
    }

    private static void Write(string path, TimeZoneInfo zone, ForecastResult result)
    {
        using var csv = CsvWriter.ToFile(path);
        csv.WriteRecord(["timestamp", "forecast", "lo80", "hi80", "lo95", "hi95", "method"]);
        foreach (var v in result.Values)
        {
            csv.WriteField(TimeZoneInfo.ConvertTime(v.Interval.StartUtc, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            foreach (var number in new[] { v.Forecast, v.Lo80, v.Hi80, v.Lo95, v.Hi95 })
            {
                csv.WriteField(number.ToString("0.###", CultureInfo.InvariantCulture));
            }

            csv.WriteField(result.Method);
            csv.EndRecord();
        }
    }
}
