namespace BackOfficeCloud.Planning.Forecasting.Intervals;

/// <summary>
/// Prediction intervals from backtest errors. Errors of interval counts grow with the level, somewhere between
/// Poisson (∝ √f) and proportional (∝ f), so errors are scaled by (f + ½)^p, with p the slope of log |error| on
/// log (f + ½) (a power law of the spread, kept within [½, 1]); the interval bounds are empirical quantiles of the scaled errors, weighted so
/// that recent errors count more (error levels drift with the season).
/// </summary>
public sealed class ErrorModel
{
    private readonly double _exponent;
    private readonly double _q025, _q10, _q90, _q975;

    private ErrorModel(double exponent, double q025, double q10, double q90, double q975)
    {
        _exponent = exponent;
        (_q025, _q10, _q90, _q975) = (q025, q10, q90, q975);
    }

    /// <summary>When there is no backtest: Poisson-like ±1.28√f and ±1.96√f.</summary>
    public static ErrorModel Poisson { get; } = new(0.5, -1.96, -1.2816, 1.2816, 1.96);

    /// <summary>Fits the model to pairs of forecast and actual (at least 20 pairs, else <see cref="Poisson"/>).</summary>
    /// <param name="weights">A positive weight per pair; null weighs all pairs alike.</param>
    public static ErrorModel Fit(IReadOnlyList<double> forecasts, IReadOnlyList<double> actuals, IReadOnlyList<double>? weights = null)
    {
        if (forecasts.Count != actuals.Count || (weights is not null && weights.Count != forecasts.Count))
        {
            throw new ArgumentException($"forecasts has {forecasts.Count} values, actuals {actuals.Count}, weights {weights?.Count}: they must match.", nameof(actuals));
        }

        if (forecasts.Count < 20)
        {
            return Poisson;
        }

        var exponent = SpreadExponent(forecasts, actuals);
        var z = new double[forecasts.Count];
        var w = new double[forecasts.Count];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = (actuals[i] - forecasts[i]) / Scale(forecasts[i], exponent);
            w[i] = weights?[i] ?? 1;
        }

        Array.Sort(z, w);
        return new ErrorModel(exponent, Quantile(z, w, 0.025), Quantile(z, w, 0.10), Quantile(z, w, 0.90), Quantile(z, w, 0.975));
    }

    public PredictionBounds Bounds(double forecast)
    {
        var scale = Scale(forecast, _exponent);
        return new PredictionBounds(
            Math.Max(0, forecast + (_q10 * scale)),
            Math.Max(0, forecast + (_q90 * scale)),
            Math.Max(0, forecast + (_q025 * scale)),
            Math.Max(0, forecast + (_q975 * scale)));
    }

    private static double Scale(double forecast, double exponent) => Math.Pow(Math.Max(0, forecast) + 0.5, exponent);

    /// <summary>The least-squares slope of log |error| on log level, clamped to [½, 1] (½ without enough spread).</summary>
    private static double SpreadExponent(IReadOnlyList<double> forecasts, IReadOnlyList<double> actuals)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        var n = 0;
        for (var i = 0; i < forecasts.Count; i++)
        {
            var error = Math.Abs(actuals[i] - forecasts[i]);
            if (error > 0)
            {
                var x = Math.Log(Math.Max(0, forecasts[i]) + 0.5);
                var y = Math.Log(error);
                (sx, sy, sxx, sxy, n) = (sx + x, sy + y, sxx + (x * x), sxy + (x * y), n + 1);
            }
        }

        var variance = (n * sxx) - (sx * sx);
        return n < 2 || variance <= 1e-9 ? 0.5 : Math.Clamp(((n * sxy) - (sx * sy)) / variance, 0.5, 1.0);
    }

    /// <summary>The weighted quantile: the first sorted value whose cumulative weight (at its midpoint) reaches p.</summary>
    private static double Quantile(double[] sorted, double[] weights, double p)
    {
        var target = p * weights.Sum();
        var cumulative = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            cumulative += weights[i];
            if (cumulative - (weights[i] / 2) >= target)
            {
                return sorted[i];
            }
        }

        return sorted[^1];
    }
}

/// <summary>The 80% and 95% prediction interval around one forecast.</summary>
public readonly record struct PredictionBounds(double Lo80, double Hi80, double Lo95, double Hi95);
