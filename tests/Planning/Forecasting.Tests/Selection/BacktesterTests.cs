using BackOfficeCloud.Planning.Forecasting.Selection;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Selection;

public class BacktesterTests
{
    private static readonly DateOnly Monday = new(2025, 1, 6);

    /// <summary>26 weeks of Poisson counts around the office pattern, with a day-level shock of ±10%; fixed seed.</summary>
    private static BacktestResult NoisyOffice()
    {
        var random = new Random(42);
        var shocks = Enumerable.Range(0, 182).Select(_ => 0.9 + (0.2 * random.NextDouble())).ToArray();
        var history = TestSeries.Build(Monday, 182, 30, i => TestSeries.OfficePattern(i) is { } mean
            ? TestSeries.Poisson(random, mean * shocks[i.LocalDate.DayNumber - Monday.DayNumber])
            : null);
        return new Backtester().Backtest(new BacktestRequest(history, 14 * 48));
    }

    [Fact]
    public void Auto_beats_seasonal_naive_on_noisy_counts_and_its_intervals_cover_about_as_promised()
    {
        var result = NoisyOffice();
        var auto = result.Scores.Single(s => s.Method == ForecastMethods.Auto);
        var naive = result.Scores.Single(s => s.Method == "seasonal_naive");

        Assert.Equal(3, auto.Folds);
        Assert.True(auto.Wape < 0.85 * naive.Wape, $"auto {auto.Wape:F4}, seasonal naive {naive.Wape:F4}");
        Assert.InRange(auto.Coverage80, 0.70, 0.90);
        Assert.InRange(auto.Coverage95, 0.88, 0.99);
        Assert.InRange(auto.Mase, 0.3, 1.0);
        Assert.InRange(auto.Bias, -0.05, 0.05);
    }

    [Fact]
    public void Every_method_is_scored_at_every_origin()
    {
        var result = NoisyOffice();

        Assert.Equal(ForecastMethods.All.Count, result.Scores.Count);
        // The history ends on a Friday (weekends have no rows), so the folds end there too.
        Assert.Equal([Monday.AddDays(138), Monday.AddDays(152), Monday.AddDays(166)], result.Folds.Select(f => f.Origin));
        Assert.All(result.Folds, f => Assert.Equal(ForecastMethods.All, f.Scores.Select(s => s.Method)));
    }

    [Fact]
    public void More_origins_than_selection_folds_score_auto_at_each_of_them()
    {
        var history = TestSeries.Build(Monday, 168, 30, TestSeries.OfficePattern);

        var result = new Backtester().Backtest(new BacktestRequest(history, 14 * 48, Origins: 5));

        Assert.Equal([Monday.AddDays(96), Monday.AddDays(110), Monday.AddDays(124), Monday.AddDays(138), Monday.AddDays(152)], result.Folds.Select(f => f.Origin));
        Assert.All(result.Folds, f => Assert.Equal(ForecastMethods.Combination, f.AutoPick));
        Assert.Equal(5, result.Scores.Single(s => s.Method == ForecastMethods.Auto).Folds);
    }

    [Fact]
    public void Zero_origins_are_rejected_naming_the_field()
    {
        var history = TestSeries.Build(Monday, 70, 30, TestSeries.OfficePattern);

        var error = Assert.Throws<ArgumentException>(() => new Backtester().Backtest(new BacktestRequest(history, 48, Origins: 0)));

        Assert.Contains("Origins is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_horizon_is_rejected_naming_the_field()
    {
        var history = TestSeries.Build(Monday, 14, 30, TestSeries.OfficePattern);

        var error = Assert.Throws<ArgumentException>(() => new Backtester().Backtest(new BacktestRequest(history, 0)));

        Assert.Contains("HorizonIntervals is 0", error.Message, StringComparison.Ordinal);
    }
}
