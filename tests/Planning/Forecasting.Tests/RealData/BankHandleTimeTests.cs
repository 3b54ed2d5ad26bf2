using System.Globalization;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.HandleTime;
using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Planning.Forecasting.Tests.RealData;

/// <summary>Handle times of every answered call of February 1999 at the Anonymous Bank: three weeks forecast the fourth.</summary>
public class BankHandleTimeTests
{
    [RealDataFact]
    public void Interval_handle_times_beat_the_flat_average_on_the_last_week()
    {
        var zone = LocalTime.FindZone("Asia/Jerusalem");
        var calls = File.ReadLines(Path.Combine(RealDataFolder.Path!, "anonymous_bank_calls_1999_02.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[13] == "AGENT")
            .Select(f => new
            {
                Start = LocalTime.ToUtc(zone, DateOnly.Parse(f[6], CultureInfo.InvariantCulture).ToDateTime(TimeOnly.Parse(f[14], CultureInfo.InvariantCulture))),
                Seconds = double.Parse(f[16], CultureInfo.InvariantCulture),
            })
            .ToList();
        var contacts = IntervalSeries.Aggregate(zone, 60, calls.Select(c => new Observation(c.Start, 1)));
        var seconds = IntervalSeries.Aggregate(zone, 60, calls.Select(c => new Observation(c.Start, c.Seconds)));
        var lastWeek = new DateOnly(1999, 2, 22);
        IntervalSeries Before(IntervalSeries s) => new(zone, 60, [.. s.Points.Where(p => p.Interval.LocalDate < lastWeek)]);
        var actualSeconds = seconds.Points.ToDictionary(p => p.Interval.StartUtc, p => p.Value);
        var test = contacts.Points.Where(p => p.Interval.LocalDate >= lastWeek).ToList();

        var forecast = new HandleTimeForecaster().Forecast(new HandleTimeRequest(Before(contacts), Before(seconds), [.. test.Select(p => p.Interval)]));

        var history = Before(contacts).Points.Sum(p => p.Value);
        var flat = Before(seconds).Points.Sum(p => p.Value) / history;
        double WeightedError(Func<int, double> aht) =>
            test.Select((p, i) => p.Value * Math.Abs(aht(i) - (actualSeconds[p.Interval.StartUtc] / p.Value))).Sum()
            / test.Sum(p => actualSeconds[p.Interval.StartUtc]);
        Assert.True(WeightedError(i => forecast[i]) < 0.95 * WeightedError(_ => flat), $"engine {WeightedError(i => forecast[i]):F4}, flat {WeightedError(_ => flat):F4}");
    }
}
