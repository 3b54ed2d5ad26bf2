using BackOfficeCloud.Planning.Forecasting.Intraday;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Intraday;

public class IntradayReforecasterTests
{
    [Fact]
    public void Factor_is_the_gamma_poisson_posterior_mean()
    {
        // CV 0.2 → prior strength k = 25; 100 forecast, 130 arrived: (25 + 130) / (25 + 100) = 1.24.
        var reforecaster = new IntradayReforecaster(dayLevelCv: 0.2);

        var rest = reforecaster.Reforecast([40, 60], [50, 80], [100, 50]);

        Assert.Equal(1.24, reforecaster.Factor([40, 60], [50, 80]), 10);
        Assert.Equal([124, 62], rest.Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void A_few_early_calls_hardly_move_the_day()
    {
        var factor = new IntradayReforecaster(0.15).Factor([2], [6]);

        Assert.InRange(factor, 1.0, 1.1);
    }

    [Fact]
    public void Mismatched_lengths_name_the_field()
    {
        var error = Assert.Throws<ArgumentException>(() => new IntradayReforecaster().Factor([1, 2], [1]));
        Assert.Equal("actualSoFar", error.ParamName);
    }
}
