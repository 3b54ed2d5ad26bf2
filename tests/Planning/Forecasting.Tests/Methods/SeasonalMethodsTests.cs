using BackOfficeCloud.Planning.Forecasting.Methods;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Methods;

public class SeasonalMethodsTests
{
    // Week w has value 10·(w+1) + slot on every day: weeks of 10, 20, 30, 100 (an outlier week), then 40.
    private static readonly double[] WeekLevels = [10, 20, 30, 100, 40];

    private static TrainingWindow Weeks() => MethodFixture.Window(35, (d, s) => WeekLevels[d / 7] + s);

    [Fact]
    public void Seasonal_naive_repeats_the_last_week()
    {
        var forecast = new SeasonalNaive().Forecast(Weeks(), 14);

        Assert.Equal(40 + 3, forecast[3]);
        Assert.Equal(40 + 1, forecast[(13 * 4) + 1]);
    }

    [Fact]
    public void Seasonal_naive_skips_a_missing_week()
    {
        var window = MethodFixture.Window(35, (d, s) => d >= 28 ? double.NaN : WeekLevels[d / 7] + s);

        Assert.Equal(100, new SeasonalNaive().Forecast(window, 1)[0]);
    }

    [Fact]
    public void Seasonal_mean_and_median_of_the_last_four_weeks()
    {
        var mean = new SeasonalAverage(median: false, weeks: 4).Forecast(Weeks(), 7);
        var median = new SeasonalAverage(median: true, weeks: 4).Forecast(Weeks(), 7);

        Assert.Equal(((20 + 30 + 100 + 40) / 4.0) + 2, mean[2], 10);
        Assert.Equal(((30 + 40) / 2.0) + 2, median[2], 10);
    }
}
