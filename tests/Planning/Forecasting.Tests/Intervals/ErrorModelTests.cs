using BackOfficeCloud.Planning.Forecasting.Intervals;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Intervals;

public class ErrorModelTests
{
    /// <summary>Standard normal quantiles at (i + ½)/n: an exactly normal sample without randomness.</summary>
    private static double[] NormalScores(int n) =>
        [.. Enumerable.Range(0, n).Select(i => InverseNormal((i + 0.5) / n))];

    [Fact]
    public void Poisson_like_errors_give_normal_bounds_around_the_square_root_of_the_level()
    {
        var z = NormalScores(2000);
        var forecasts = z.Select((_, i) => i % 2 == 0 ? 10.0 : 400.0).ToList();
        var shuffled = z.Select((v, i) => (v, key: (i * 7919) % z.Length)).OrderBy(p => p.key).Select(p => p.v).ToArray();
        var actuals = forecasts.Select((f, i) => f + (shuffled[i] * Math.Sqrt(f + 0.5))).ToList();

        var bounds = ErrorModel.Fit(forecasts, actuals).Bounds(400);

        // Within a tenth of a standard deviation (√400.5 ≈ 20) of the normal bounds.
        Assert.InRange(bounds.Lo80, 400 - (1.2816 * 20.01) - 2, 400 - (1.2816 * 20.01) + 2);
        Assert.InRange(bounds.Hi95, 400 + (1.96 * 20.01) - 2, 400 + (1.96 * 20.01) + 2);
    }

    [Fact]
    public void Each_level_gets_the_quantiles_of_its_own_errors()
    {
        // Night counts near 1 that vary less than Poisson, mid-morning counts near 20 that swing widely, daytime counts
        // near 400 that vary 10%: no single power law of the level fits all three, a band per level does.
        var z = NormalScores(700);
        (double Level, double Sd)[] levels = [(1, 0.2), (20, 10), (400, 40)];
        var forecasts = levels.SelectMany(l => z.Select(_ => l.Level)).ToList();
        var actuals = levels.SelectMany(l => z.Select(v => l.Level + (l.Sd * v))).ToList();

        var model = ErrorModel.Fit(forecasts, actuals);

        // Within 1/40 of each level's standard deviation of its normal bounds.
        Assert.Equal(1 + (0.2 * 1.2816), model.Bounds(1).Hi80, 0.005);
        Assert.Equal(20 - (10 * 1.2816), model.Bounds(20).Lo80, 0.25);
        Assert.Equal(400 + (40 * 1.96), model.Bounds(400).Hi95, 1.0);
    }

    [Fact]
    public void Too_few_pairs_fall_back_to_poisson_bounds()
    {
        var bounds = ErrorModel.Fit([1, 2, 3], [1, 2, 3]).Bounds(100);

        Assert.Equal(100 + (1.2816 * Math.Sqrt(100.5)), bounds.Hi80, 6);
    }

    [Fact]
    public void Bounds_never_go_below_zero()
    {
        Assert.Equal(0, ErrorModel.Poisson.Bounds(0.1).Lo95);
    }

    /// <summary>Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9).</summary>
    private static double InverseNormal(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        if (p < 0.02425)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((((((c[0] * q) + c[1]) * q) + c[2]) * q) + c[3]) * q) + c[4]) * q + c[5]) / ((((((((d[0] * q) + d[1]) * q) + d[2]) * q) + d[3]) * q) + 1);
        }

        if (p > 1 - 0.02425)
        {
            return -InverseNormal(1 - p);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((((((((a[0] * s) + a[1]) * s) + a[2]) * s) + a[3]) * s) + a[4]) * s) + a[5]) * r) / (((((((((b[0] * s) + b[1]) * s) + b[2]) * s) + b[3]) * s) + b[4]) * s + 1);
    }
}
