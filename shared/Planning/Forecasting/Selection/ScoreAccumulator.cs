using BackOfficeCloud.Planning.Forecasting.Intervals;

namespace BackOfficeCloud.Planning.Forecasting.Selection;

/// <summary>Sums a method's errors over backtest folds into a <see cref="MethodScore"/>.</summary>
internal sealed class ScoreAccumulator(string method)
{
    private double _absError, _error, _actual, _maseSum;
    private int _scored, _inside80, _inside95, _folds, _maseFolds;

    public void Add(double[] forecast, Fold fold, ErrorModel errors)
    {
        var (absError, n) = (0.0, 0);
        for (var i = 0; i < forecast.Length; i++)
        {
            var actual = fold.Actual[i];
            if (double.IsNaN(actual))
            {
                continue;
            }

            var bounds = errors.Bounds(forecast[i]);
            absError += Math.Abs(forecast[i] - actual);
            _error += forecast[i] - actual;
            _actual += actual;
            _inside80 += actual >= bounds.Lo80 && actual <= bounds.Hi80 ? 1 : 0;
            _inside95 += actual >= bounds.Lo95 && actual <= bounds.Hi95 ? 1 : 0;
            n++;
        }

        _absError += absError;
        _scored += n;
        _folds++;
        if (n > 0 && fold.MaseScale > 0)
        {
            _maseSum += absError / n / fold.MaseScale;
            _maseFolds++;
        }
    }

    public MethodScore ToScore() => new(
        method,
        _actual > 0 ? _absError / _actual : double.NaN,
        _maseFolds > 0 ? _maseSum / _maseFolds : double.NaN,
        _actual > 0 ? _error / _actual : double.NaN,
        _scored > 0 ? (double)_inside80 / _scored : double.NaN,
        _scored > 0 ? (double)_inside95 / _scored : double.NaN,
        _folds);

    /// <summary>
    /// An error model from the scored intervals of the given folds (in time order); each fold weighs twice the one
    /// before it, so the latest errors count most.
    /// </summary>
    public static ErrorModel Calibrate(IEnumerable<(double[] Forecast, Fold Fold)> folds)
    {
        var (forecasts, actuals, weights) = (new List<double>(), new List<double>(), new List<double>());
        var weight = 1.0;
        foreach (var (forecast, fold) in folds)
        {
            for (var i = 0; i < forecast.Length; i++)
            {
                if (fold.IsOrdinary(i))
                {
                    forecasts.Add(forecast[i]);
                    actuals.Add(fold.Actual[i]);
                    weights.Add(weight);
                }
            }

            weight *= 2;
        }

        return ErrorModel.Fit(forecasts, actuals, weights);
    }
}
