namespace BackOfficeCloud.Planning.Forecasting;

/// <summary>Settings of the forecasting engine; the defaults suit 5–60 minute contact and work-item series.</summary>
/// <param name="BacktestFolds">Rolling-origin folds used to score and select methods and to calibrate intervals.</param>
/// <param name="SeasonalWeeks">k of the seasonal mean and median (the last k same weekdays).</param>
/// <param name="ProfileWeeks">Weeks of history behind intraday profiles and weekday factors.</param>
/// <param name="SmoothingFitWeeks">Weeks over which Holt-Winters weights are fitted (after a two-week warm-up). Half a year: weights fitted on two months follow that stretch's holidays and level swings, and forecast worse at the next origin.</param>
/// <param name="RegressionWeeks">Weeks of history the calendar regression is fitted on.</param>
/// <param name="CombineTop">How many of the best single methods the combination averages.</param>
/// <param name="MaxFitEvaluations">Objective evaluations allowed per Nelder–Mead fit.</param>
/// <param name="OpenHoursWeeks">Weeks of history from which open hours are learned.</param>
/// <param name="MinTrainingWeeks">The least history a backtest fold is trained on.</param>
/// <param name="UnusualDayShare">A past day whose total is below this share of its weekday's usual total is treated as a special day (holiday, outage) and left out of training.</param>
/// <param name="CalibrationDayShare">A backtest day below this share of its weekday's usual total (a half-day, a holiday week) does not calibrate prediction intervals: they are for ordinary days, and a planner marks the others as special days.</param>
/// <param name="MaxBacktestDays">Backtest folds are at most this many days long, however long the horizon.</param>
public sealed record ForecastOptions(
    int BacktestFolds = 3,
    int SeasonalWeeks = 4,
    int ProfileWeeks = 8,
    int SmoothingFitWeeks = 24,
    int RegressionWeeks = 12,
    int CombineTop = 3,
    int MaxFitEvaluations = 60,
    int OpenHoursWeeks = 8,
    int MinTrainingWeeks = 4,
    double UnusualDayShare = 0.5,
    int MaxBacktestDays = 28,
    double CalibrationDayShare = 0.7)
{
    public static ForecastOptions Default { get; } = new();

    /// <summary>The given options (or the defaults) once they are valid.</summary>
    public static ForecastOptions Validated(ForecastOptions? options)
    {
        var valid = options ?? Default;
        valid.Validate();
        return valid;
    }

    public void Validate()
    {
        Positive(BacktestFolds, nameof(BacktestFolds));
        Positive(SeasonalWeeks, nameof(SeasonalWeeks));
        Positive(ProfileWeeks, nameof(ProfileWeeks));
        Positive(SmoothingFitWeeks, nameof(SmoothingFitWeeks));
        Positive(RegressionWeeks, nameof(RegressionWeeks));
        Positive(CombineTop, nameof(CombineTop));
        Positive(MaxFitEvaluations, nameof(MaxFitEvaluations));
        Positive(OpenHoursWeeks, nameof(OpenHoursWeeks));
        Positive(MinTrainingWeeks, nameof(MinTrainingWeeks));
        Positive(MaxBacktestDays, nameof(MaxBacktestDays));
        Share(UnusualDayShare, nameof(UnusualDayShare));
        Share(CalibrationDayShare, nameof(CalibrationDayShare));
    }

    private static void Share(double value, string name)
    {
        if (value is < 0 or >= 1)
        {
            throw new ArgumentException($"{name} is {value}: it must be in [0, 1).", name);
        }
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"{name} is {value}: it must be positive.", name);
        }
    }
}
