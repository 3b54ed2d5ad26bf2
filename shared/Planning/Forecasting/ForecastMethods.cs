using BackOfficeCloud.Planning.Forecasting.Methods;

namespace BackOfficeCloud.Planning.Forecasting;

/// <summary>The method names a request or the CLI may ask for.</summary>
public static class ForecastMethods
{
    public const string Auto = "auto";
    public const string Combination = "combination";

    public static IReadOnlyList<string> Singles { get; } =
    [
        SeasonalNaive.MethodName, SeasonalAverage.MeanName, SeasonalAverage.MedianName,
        HoltWintersDoubleSeasonal.MethodName, TopDown.MethodName, CalendarRegression.MethodName,
    ];

    public static IReadOnlyList<string> All { get; } = [.. Singles, Combination, Auto];

    public static void EnsureKnown(string method, string field)
    {
        if (!All.Contains(method))
        {
            throw new ArgumentException($"{field} is '{method}': use one of {string.Join(", ", All)}.", field);
        }
    }

    internal static IForecastMethod Create(string name, ForecastOptions options) => name switch
    {
        SeasonalNaive.MethodName => new SeasonalNaive(),
        SeasonalAverage.MeanName => new SeasonalAverage(median: false, options.SeasonalWeeks),
        SeasonalAverage.MedianName => new SeasonalAverage(median: true, options.SeasonalWeeks),
        HoltWintersDoubleSeasonal.MethodName => new HoltWintersDoubleSeasonal(options.SmoothingFitWeeks, options.MaxFitEvaluations),
        TopDown.MethodName => new TopDown(options.ProfileWeeks),
        CalendarRegression.MethodName => new CalendarRegression(options.RegressionWeeks),
        _ => throw new ArgumentException($"'{name}' is not a single forecasting method.", nameof(name)),
    };
}
