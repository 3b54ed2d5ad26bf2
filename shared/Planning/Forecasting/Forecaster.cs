using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Intraday;
using BackOfficeCloud.Planning.Forecasting.Methods;
using BackOfficeCloud.Planning.Forecasting.Selection;
using BackOfficeCloud.Planning.Forecasting.Series;
using BackOfficeCloud.Planning.Forecasting.SpecialDays;

namespace BackOfficeCloud.Planning.Forecasting;

/// <summary>
/// Forecasts a series: learns open hours, blanks special days, scores the candidate methods by rolling-origin
/// backtest, fits the pick on all history, applies closures and event effects, rescales today from today's actuals,
/// and puts prediction intervals from the backtest errors around every open interval.
/// </summary>
public sealed class Forecaster(ForecastOptions? options = null) : IForecaster
{
    private readonly MethodSelector _selector = new(ForecastOptions.Validated(options));

    public ForecastResult Forecast(ForecastRequest request)
    {
        var (history, targets, special) = Validate(request);
        var interval = history.IntervalMinutes;
        var firstDay = history.Points[0].Interval.LocalDate;
        var forecastDay = targets[0].LocalDate;
        var trainDays = forecastDay.DayNumber - firstDay.DayNumber;
        var windows = TrainingWindows.Of(history, trainDays, special, request.OpenHours, _selector.Options);
        var window = windows.Prefix(trainDays);
        if (TodayIsOver(history, targets, window))
        {
            (forecastDay, trainDays) = (forecastDay.AddDays(1), trainDays + 1);
            windows = TrainingWindows.Of(history, trainDays, special, request.OpenHours, _selector.Options);
            window = windows.Prefix(trainDays);
        }

        var horizonDays = Math.Max(1, targets[^1].LocalDate.DayNumber - forecastDay.DayNumber + 1);
        var closed = new HashSet<DateOnly>(special.ClosedDates.Concat(request.OpenHours?.ClosedDates ?? Enumerable.Empty<DateOnly>()));

        var selection = _selector.Select(windows, trainDays, horizonDays, [request.Method]);
        var values = _selector.Forecast(window, horizonDays, selection.Picked, selection.Ranking);
        ApplySpecialDays(values, window, windows.Raw, special, closed);
        var factor = targets[0].LocalDate == forecastDay ? RescaleToday(values, window, history, targets[0]) : 1;

        var errors = selection.ErrorModelOf(selection.Picked);
        var slots = window.Slots;
        var result = new IntervalForecast[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            var value = t.LocalDate < forecastDay ? 0 : values[((t.LocalDate.DayNumber - forecastDay.DayNumber) * slots) + SlotMatrix.SlotOf(t, interval)] * t.Minutes / interval;
            var bounds = errors.Bounds(value);
            result[i] = value > 0
                ? new IntervalForecast(t, value, bounds.Lo80, bounds.Hi80, bounds.Lo95, bounds.Hi95)
                : new IntervalForecast(t, 0, 0, 0, 0, 0);
        }

        var fits = selection.Scores.Sum(s => s.Folds) + 1;
        return new ForecastResult(
            selection.Scores.Count == 0 ? ForecastStatus.InsufficientHistory : ForecastStatus.Ok,
            selection.Picked,
            selection.Picked == ForecastMethods.Combination ? [.. selection.Ranking.Take(_selector.Options.CombineTop)] : [selection.Picked],
            result,
            selection.Scores,
            request.OpenHours ?? window.Open.ToOpenHours(interval),
            factor,
            window.UnusualDays,
            fits);
    }

    private static (IntervalSeries History, IReadOnlyList<PlanningInterval> Targets, SpecialDayCalendar Special) Validate(ForecastRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.History, nameof(request.History));
        ArgumentNullException.ThrowIfNull(request.Targets, nameof(request.Targets));
        ForecastMethods.EnsureKnown(request.Method, nameof(request.Method));
        var special = request.SpecialDays ?? SpecialDayCalendar.None;
        special.Validate();
        var history = request.History;
        if (history.Points.Count == 0)
        {
            throw new ArgumentException("History has no points: nothing to forecast from.", nameof(request));
        }

        if (request.Targets.Count == 0)
        {
            throw new ArgumentException("Targets is empty: give at least one interval to forecast.", nameof(request));
        }

        for (var i = 0; i < request.Targets.Count; i++)
        {
            var t = request.Targets[i];
            if (t.MinuteOfDay % history.IntervalMinutes != 0 || t.LocalStart != LocalTime.ToLocal(history.Zone, t.StartUtc))
            {
                throw new ArgumentException($"Targets[{i}] ({t.StartUtc:O}, local {t.LocalStart:yyyy-MM-dd HH:mm}) is not on the history's {history.IntervalMinutes}-minute grid in {history.Zone.Id}.", nameof(request));
            }

            if (i > 0 && t.StartUtc <= request.Targets[i - 1].StartUtc)
            {
                throw new ArgumentException($"Targets[{i}] starts at {t.StartUtc:O}, not after the one before it.", nameof(request));
            }
        }

        var trainDays = request.Targets[0].LocalDate.DayNumber - history.Points[0].Interval.LocalDate.DayNumber;
        if (trainDays < 7)
        {
            throw new ArgumentException($"History has {trainDays} whole days before the first target ({request.Targets[0].LocalStart:yyyy-MM-dd HH:mm}); at least 7 are needed.", nameof(request));
        }

        return (history, request.Targets, special);
    }

    /// <summary>Closed dates forecast 0; the days of known events are multiplied by the event's effect.</summary>
    private static void ApplySpecialDays(double[] values, TrainingWindow window, SlotMatrix raw, SpecialDayCalendar special, HashSet<DateOnly> closed)
    {
        var slots = window.Slots;
        for (var f = 0; f < values.Length / slots; f++)
        {
            var date = window.History.DateOf(window.History.Days + f);
            var factor = closed.Contains(date) ? 0 : 1.0;
            foreach (var e in special.Events.Where(e => e.Covers(date)))
            {
                factor *= EventEffects.Multiplier(e, date, special.Events, raw, window);
            }

            for (var s = 0; s < slots && factor != 1; s++)
            {
                values[(f * slots) + s] *= factor;
            }
        }
    }

    /// <summary>
    /// Whether the history's last day is over although targets start on it: it has history, and its targets all fall
    /// in closed intervals (a forecast from closing time). Then that day trains the models like any other.
    /// </summary>
    private static bool TodayIsOver(IntervalSeries history, IReadOnlyList<PlanningInterval> targets, TrainingWindow window)
    {
        var today = targets[0].LocalDate;
        return history.Points[^1].Interval.LocalDate == today
            && targets.TakeWhile(t => t.LocalDate == today).All(t => !window.Open.IsOpen(t.Weekday, SlotMatrix.SlotOf(t, history.IntervalMinutes)));
    }

    /// <summary>History on the first target's day before the first target rescales the rest of that day.</summary>
    private static double RescaleToday(double[] values, TrainingWindow window, IntervalSeries history, PlanningInterval firstTarget)
    {
        var slots = window.Slots;
        var (forecast, actual) = (new List<double>(), new List<double>());
        foreach (var p in history.Points)
        {
            if (p.Interval.LocalDate == firstTarget.LocalDate && p.Interval.StartUtc < firstTarget.StartUtc)
            {
                forecast.Add(values[SlotMatrix.SlotOf(p.Interval, history.IntervalMinutes)]);
                actual.Add(p.Value);
            }
        }

        if (forecast.Count == 0)
        {
            return 1;
        }

        var factor = new IntradayReforecaster().Factor(forecast, actual);
        for (var s = SlotMatrix.SlotOf(firstTarget, history.IntervalMinutes); s < slots; s++)
        {
            values[s] *= factor;
        }

        return factor;
    }
}
