using BackOfficeCloud.Planning.Forecasting;

namespace BackOfficeCloud.Forecasting.Storage;

/// <summary>One forecast interval as stored: the engine's values (before planner adjustments) and the handle time.</summary>
public readonly record struct StoredValue(DateTimeOffset Start, int Minutes, double Volume, double Lo80, double Hi80, double Lo95, double Hi95, double HandleSeconds);

/// <summary>Why the forecast is what it is: the methods averaged, every method's backtest score, the past days left out.</summary>
public sealed record ForecastExplanation(IReadOnlyList<string> Members, IReadOnlyList<MethodScore> Scores, IReadOnlyList<DateOnly> UnusualDays, double IntradayFactor);

/// <summary>A forecast of one series as the job stored it.</summary>
/// <param name="MethodRequest">What was asked for ("auto" or a method); <paramref name="Method"/> is what was used.</param>
/// <param name="Trigger">create, nightly or intraday.</param>
public sealed record StoredForecast(
    Guid ForecastId,
    Guid JobId,
    SeriesKey Key,
    int IntervalMinutes,
    string TimeZone,
    string Method,
    string MethodRequest,
    string Status,
    DateTimeOffset HorizonStart,
    DateTimeOffset HorizonEnd,
    ForecastExplanation Explanation,
    IReadOnlyList<StoredValue> Values,
    int HistoryIntervals,
    string Trigger,
    string CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>A planner's change to a series over a period: a percentage, or an absolute number added to the period's total.</summary>
public sealed record StoredAdjustment(
    Guid AdjustmentId, SeriesKey Key, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, double? Percent, double? Absolute,
    string Note, string CreatedBy, DateTimeOffset CreatedAt);
