using BackOfficeCloud.Planning.Forecasting.Methods;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Methods;

public class ModelMethodsTests
{
    private static readonly double[] Weekday = [0.5, 1.4, 1.2, 1.0, 1.0, 0.9, 0.3]; // Sunday first
    private static readonly double[] Profile = [0.1, 0.4, 0.35, 0.15];

    /// <summary>Exactly multiplicative: 1000 a day × weekday factor × intraday share.</summary>
    private static double Multiplicative(int day, int slot) =>
        1000 * Weekday[(int)MethodFixture.Monday.AddDays(day).DayOfWeek] * Profile[slot];

    [Fact]
    public void Top_down_reproduces_a_multiplicative_pattern()
    {
        var window = MethodFixture.Window(56, Multiplicative);

        var forecast = new TopDown(profileWeeks: 8).Forecast(window, 7);

        for (var i = 0; i < forecast.Length; i++)
        {
            Assert.Equal(Multiplicative(56 + (i / 4), i % 4), forecast[i], 6);
        }
    }

    [Fact]
    public void Holt_winters_reproduces_a_noise_free_weekly_pattern()
    {
        var window = MethodFixture.Window(84, Multiplicative);

        var forecast = new HoltWintersDoubleSeasonal(fitWeeks: 8, maxEvaluations: 40).Forecast(window, 7);

        for (var i = 0; i < forecast.Length; i++)
        {
            Assert.Equal(Multiplicative(84 + (i / 4), i % 4), forecast[i], 6);
        }
    }

    [Fact]
    public void Regression_extrapolates_a_proportional_trend()
    {
        // y = cell level · (1 + 0.005·day): a week ahead the trend adds about 40%; the fit is within 0.5% of it.
        var window = MethodFixture.Window(84, (d, s) => Multiplicative(d, s) * (1 + (0.005 * d)));

        var forecast = new CalendarRegression(fitWeeks: 12).Forecast(window, 7);
        var withoutTrend = new SeasonalAverage(median: false, weeks: 12).Forecast(window, 7);

        for (var i = 0; i < forecast.Length; i++)
        {
            var day = 84 + (i / 4);
            var truth = Multiplicative(day, i % 4) * (1 + (0.005 * day));
            Assert.InRange(forecast[i] / truth, 0.995, 1.005);
            Assert.True(withoutTrend[i] < 0.9 * truth);
        }
    }

    [Fact]
    public void Nelder_mead_finds_the_rosenbrock_minimum()
    {
        var minimum = NelderMead.Minimize(
            x => Math.Pow(1 - x[0], 2) + (100 * Math.Pow(x[1] - (x[0] * x[0]), 2)),
            start: [-1.2, 1.0],
            step: 0.5,
            maxEvaluations: 2000,
            tolerance: 1e-14);

        Assert.Equal(1, minimum[0], 3);
        Assert.Equal(1, minimum[1], 3);
    }
}
