using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;
using BackOfficeCloud.Planning.Forecasting.SpecialDays;

namespace BackOfficeCloud.Planning.Forecasting.Selection;

/// <summary>Backtest every method on the last folds of <paramref name="History"/>, each fold <paramref name="HorizonIntervals"/> long (rounded up to whole days).</summary>
/// <param name="Origins">How many folds (origins) to score; null = <see cref="ForecastOptions.BacktestFolds"/>. At each origin auto still selects with <see cref="ForecastOptions.BacktestFolds"/> folds before it, so more origins judge the same auto at more dates.</param>
public sealed record BacktestRequest(
    IntervalSeries History,
    int HorizonIntervals,
    OpenHours? OpenHours = null,
    SpecialDayCalendar? SpecialDays = null,
    int? Origins = null);

/// <summary>The scores at one origin, and what auto picked there from the history before it.</summary>
public sealed record BacktestFold(DateOnly Origin, string AutoPick, IReadOnlyList<MethodScore> Scores);

/// <param name="Scores">One per single method, the combination and auto, over all folds.</param>
/// <param name="AutoPick">What auto picks from the whole history (what a forecast now would use).</param>
public sealed record BacktestResult(IReadOnlyList<MethodScore> Scores, string AutoPick, IReadOnlyList<BacktestFold> Folds);

/// <summary>Scores methods by rolling-origin backtest.</summary>
public interface IBacktester
{
    BacktestResult Backtest(BacktestRequest request);
}

/// <summary>
/// Rolling-origin evaluation of every method, the combination and auto itself. At each origin, auto and the
/// combination are chosen by a backtest on the history before that origin only, and every method's prediction
/// intervals are calibrated there too, so all scores and coverages are out of sample.
/// </summary>
public sealed class Backtester(ForecastOptions? options = null) : IBacktester
{
    private readonly MethodSelector _selector = new(ForecastOptions.Validated(options));

    public BacktestResult Backtest(BacktestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.History, nameof(request.History));
        if (request.HorizonIntervals <= 0)
        {
            throw new ArgumentException($"HorizonIntervals is {request.HorizonIntervals}: it must be positive.", nameof(request));
        }

        if (request.Origins <= 0)
        {
            throw new ArgumentException($"Origins is {request.Origins}: it must be positive (or null for the options' backtest folds).", nameof(request));
        }

        var history = request.History;
        if (history.Points.Count == 0)
        {
            throw new ArgumentException("History has no points: nothing to backtest.", nameof(request));
        }

        var special = request.SpecialDays ?? SpecialDayCalendar.None;
        special.Validate();
        var slots = 1440 / history.IntervalMinutes;
        var days = history.Points[^1].Interval.LocalDate.DayNumber - history.Points[0].Interval.LocalDate.DayNumber + 1;
        var horizonDays = (request.HorizonIntervals + slots - 1) / slots;
        var windows = TrainingWindows.Of(history, days, special, request.OpenHours, _selector.Options);

        var methods = ForecastMethods.All;
        var overall = methods.ToDictionary(m => m, m => new ScoreAccumulator(m));
        var folds = new List<BacktestFold>();
        for (var k = request.Origins ?? _selector.Options.BacktestFolds; k >= 1; k--)
        {
            var origin = days - (k * horizonDays);
            if (origin < 7 * _selector.Options.MinTrainingWeeks)
            {
                continue;
            }

            var fold = Fold.Build(windows, origin, horizonDays, skipUnusualDays: false);
            var inner = _selector.Select(windows, origin, horizonDays, [ForecastMethods.Auto]);
            var forecasts = ForecastMethods.Singles.ToDictionary(m => m, m => _selector.Forecast(fold.Window, horizonDays, m, inner.Ranking));
            forecasts[ForecastMethods.Combination] = MethodSelector.Combine(inner.Ranking.Take(_selector.Options.CombineTop).Select(m => forecasts[m]));
            forecasts[ForecastMethods.Auto] = forecasts[inner.Picked];

            var foldScores = new List<MethodScore>();
            foreach (var method in methods)
            {
                var errors = inner.ErrorModelOf(method == ForecastMethods.Auto ? inner.Picked : method);
                var single = new ScoreAccumulator(method);
                single.Add(forecasts[method], fold, errors);
                overall[method].Add(forecasts[method], fold, errors);
                foldScores.Add(single.ToScore());
            }

            folds.Add(new BacktestFold(windows.Raw.DateOf(origin), inner.Picked, foldScores));
        }

        var pick = _selector.Select(windows, days, horizonDays, [ForecastMethods.Auto]).Picked;
        return new BacktestResult([.. methods.Select(m => overall[m].ToScore())], pick, folds);
    }
}
