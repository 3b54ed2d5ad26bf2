using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;
using BackOfficeCloud.Planning.Forecasting.SpecialDays;

namespace BackOfficeCloud.Planning.Forecasting;

/// <summary>
/// Forecast <paramref name="Targets"/> (intervals on the history's grid, in order) from <paramref name="History"/>.
/// Models train on the whole days before the first target's day; history on that day before the first target counts
/// as today's actuals and rescales the rest of today (intraday reforecast).
/// </summary>
/// <param name="Method">"auto" (pick by backtest), "combination", or one of <see cref="ForecastMethods.Singles"/>.</param>
/// <param name="OpenHours">Open hours when known; otherwise they are learned from the history.</param>
public sealed record ForecastRequest(
    IntervalSeries History,
    IReadOnlyList<PlanningInterval> Targets,
    string Method = ForecastMethods.Auto,
    OpenHours? OpenHours = null,
    SpecialDayCalendar? SpecialDays = null);

/// <summary>A forecast interval: the expected value and its 80% and 95% prediction intervals.</summary>
public readonly record struct IntervalForecast(PlanningInterval Interval, double Forecast, double Lo80, double Hi80, double Lo95, double Hi95);

public enum ForecastStatus
{
    /// <summary>Methods were scored by backtest; intervals are calibrated on backtest errors.</summary>
    Ok,

    /// <summary>Too little history for a backtest: the seasonal mean (or the named method) with Poisson-like intervals.</summary>
    InsufficientHistory,
}

/// <param name="Method">The method used (the pick of auto).</param>
/// <param name="Members">The single methods averaged when <paramref name="Method"/> is the combination, else just it.</param>
/// <param name="Backtest">The backtest score of each candidate method.</param>
/// <param name="OpenHours">The open hours used (learned or given); closed intervals forecast 0.</param>
/// <param name="IntradayFactor">The factor today's actuals put on the rest of today (1 when there were none).</param>
/// <param name="UnusualDays">Past days far below their weekday's usual volume, left out of training (enter them as special days to say why).</param>
/// <param name="Iterations">Forecasts made: one per backtest fold and candidate (the combination included), plus the final one.</param>
public sealed record ForecastResult(
    ForecastStatus Status,
    string Method,
    IReadOnlyList<string> Members,
    IReadOnlyList<IntervalForecast> Values,
    IReadOnlyList<MethodScore> Backtest,
    OpenHours OpenHours,
    double IntradayFactor,
    IReadOnlyList<DateOnly> UnusualDays,
    int Iterations);

/// <summary>Forecasts one series.</summary>
public interface IForecaster
{
    ForecastResult Forecast(ForecastRequest request);
}
