namespace BackOfficeCloud.Planning.Forecasting.Intervals;

/// <summary>
/// Prediction intervals from backtest errors. Errors of interval counts grow with the level, somewhere between
/// Poisson (∝ √f) and proportional (∝ f), so errors are scaled by (f + ½)^p, with p the slope of log |error| on
/// log (f + ½) (a power law of the spread, kept within [½, 1]). The bounds are empirical quantiles of the scaled errors,
/// weighted so that recent errors count more (error levels drift with the season), taken separately for up to four
/// bands of forecast level: one power law does not fit night-time counts of 0, 1 and 2 and daytime hundreds alike, and
/// a quantile per band keeps the intervals calibrated at every level instead of only on average.
/// </summary>
public sealed class ErrorModel
{
    /// <summary>The fewest pairs a level band is built from (its 2.5% tail then holds at least a handful of errors).</summary>
    private const int MinBandPairs = 200;

    private const int MaxBands = 4;

    private readonly double _exponent;

    /// <summary>The highest forecast of each band but the last; a forecast above all of them falls in the last band.</summary>
    private readonly double[] _upperEdges;

    private readonly Quantiles[] _bands;

    private ErrorModel(double exponent, double[] upperEdges, Quantiles[] bands)
    {
        _exponent = exponent;
        (_upperEdges, _bands) = (upperEdges, bands);
    }

    /// <summary>When there is no backtest: Poisson-like ±1.28√f and ±1.96√f.</summary>
    public static ErrorModel Poisson { get; } = new(0.5, [], [new Quantiles(-1.96, -1.2816, 1.2816, 1.96)]);

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
        var byLevel = Enumerable.Range(0, forecasts.Count).ToArray();
        Array.Sort([.. forecasts], byLevel);
        var bandCount = Math.Clamp(forecasts.Count / MinBandPairs, 1, MaxBands);
        var (edges, bands) = (new List<double>(), new List<Quantiles>());
        var from = 0;
        for (var b = 1; b <= bandCount && from < byLevel.Length; b++)
        {
            // A band ends at its share of the pairs, or later: equal forecasts share a band, and no small rest is left.
            var to = b == bandCount ? byLevel.Length : Math.Max(from + 1, b * byLevel.Length / bandCount);
            while (to < byLevel.Length && forecasts[byLevel[to]] == forecasts[byLevel[to - 1]])
            {
                to++;
            }

            if (byLevel.Length - to < MinBandPairs / 2)
            {
                to = byLevel.Length;
            }

            bands.Add(BandQuantiles(byLevel[from..to], forecasts, actuals, weights, exponent));
            edges.Add(forecasts[byLevel[to - 1]]);
            from = to;
        }

        edges.RemoveAt(edges.Count - 1);
        return new ErrorModel(exponent, [.. edges], [.. bands]);
    }

    private static Quantiles BandQuantiles(int[] band, IReadOnlyList<double> forecasts, IReadOnlyList<double> actuals, IReadOnlyList<double>? weights, double exponent)
    {
        var z = new double[band.Length];
        var w = new double[band.Length];
        for (var k = 0; k < band.Length; k++)
        {
            var i = band[k];
            z[k] = (actuals[i] - forecasts[i]) / Scale(forecasts[i], exponent);
            w[k] = weights?[i] ?? 1;
        }

        Array.Sort(z, w);
        return new Quantiles(Quantile(z, w, 0.025), Quantile(z, w, 0.10), Quantile(z, w, 0.90), Quantile(z, w, 0.975));
    }

    public PredictionBounds Bounds(double forecast)
    {
        var scale = Scale(forecast, _exponent);
        var band = 0;
        while (band < _upperEdges.Length && forecast > _upperEdges[band])
        {
            band++;
        }

        var q = _bands[band];
        return new PredictionBounds(
            Math.Max(0, forecast + (q.Q10 * scale)),
            Math.Max(0, forecast + (q.Q90 * scale)),
            Math.Max(0, forecast + (q.Q025 * scale)),
            Math.Max(0, forecast + (q.Q975 * scale)));
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

    /// <summary>The 2.5%, 10%, 90% and 97.5% quantiles of scaled errors in one level band.</summary>
    private readonly record struct Quantiles(double Q025, double Q10, double Q90, double Q975);
}

/// <summary>The 80% and 95% prediction interval around one forecast.</summary>
public readonly record struct PredictionBounds(double Lo80, double Hi80, double Lo95, double Hi95);
