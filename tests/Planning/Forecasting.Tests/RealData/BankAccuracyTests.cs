using System.Globalization;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Selection;
using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Planning.Forecasting.Tests.RealData;

/// <summary>
/// The issue's accuracy bar on a year of real call arrivals (Anonymous Bank, 1999): three 4-week origins (the last 4
/// weeks and the two 4-week blocks before them), 30-minute intervals, scored over all three.
/// </summary>
public class BankAccuracyTests
{
    private static readonly Lazy<BacktestResult> Result = new(Backtest);

    private static MethodScore Score(string method) => Result.Value.Scores.Single(s => s.Method == method);

    [RealDataFact]
    public void Auto_beats_seasonal_naive_by_at_least_15_percent()
    {
        Assert.True(Score("auto").Wape <= 0.85 * Score("seasonal_naive").Wape, $"auto {Score("auto").Wape:F4} vs seasonal naive {Score("seasonal_naive").Wape:F4}");
    }

    [RealDataFact]
    public void Auto_beats_the_average_of_the_last_four_weeks()
    {
        Assert.True(Score("auto").Wape < Score("seasonal_mean").Wape, $"auto {Score("auto").Wape:F4} vs 4-week mean {Score("seasonal_mean").Wape:F4}");
    }

    [RealDataFact]
    public void Auto_is_within_3_percent_of_the_best_single_method()
    {
        var best = ForecastMethods.Singles.Min(m => Score(m).Wape);
        Assert.True(Score("auto").Wape <= 1.03 * best, $"auto {Score("auto").Wape:F4} vs best single {best:F4}");
    }

    [RealDataFact]
    public void Eighty_percent_intervals_cover_75_to_85_percent()
    {
        Assert.InRange(Score("auto").Coverage80, 0.75, 0.85);
        Assert.InRange(Score("auto").Coverage95, 0.90, 0.99);
    }

    [RealDataFact]
    public void Origins_are_the_last_three_four_week_blocks()
    {
        Assert.Equal([new DateOnly(1999, 10, 9), new DateOnly(1999, 11, 6), new DateOnly(1999, 12, 4)], Result.Value.Folds.Select(f => f.Origin));
    }

    private static BacktestResult Backtest()
    {
        var zone = LocalTime.FindZone("Asia/Jerusalem");
        var observations = File.ReadLines(Path.Combine(RealDataFolder.Path!, "anonymous_bank_6min_1999_series.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new Observation(
                LocalTime.ToUtc(zone, DateTime.Parse(f[0], CultureInfo.InvariantCulture)),
                double.Parse(f[1], CultureInfo.InvariantCulture)));
        var history = IntervalSeries.Aggregate(zone, 30, observations);
        return new Backtester(ForecastOptions.Default with { BacktestFolds = 3 }).Backtest(new BacktestRequest(history, 28 * 48));
    }
}
