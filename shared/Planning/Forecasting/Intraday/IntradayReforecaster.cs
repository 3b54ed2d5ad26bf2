namespace BackOfficeCloud.Planning.Forecasting.Intraday;

/// <summary>
/// Rescales the rest of today from today's actuals so far. The day's level is treated as uncertain around the
/// forecast (a gamma prior with the given coefficient of variation), and count data update it, so the factor is
/// (k + Σ actual) / (k + Σ forecast) with k = 1/CV²: a few early intervals move it little, half a day moves it much.
/// </summary>
public sealed class IntradayReforecaster
{
    private readonly double _priorStrength;

    /// <param name="dayLevelCv">How much whole days deviate from their forecast, as a coefficient of variation (e.g. 0.15).</param>
    public IntradayReforecaster(double dayLevelCv = 0.15)
    {
        if (!(dayLevelCv > 0))
        {
            throw new ArgumentException($"dayLevelCv is {dayLevelCv}: it must be positive.", nameof(dayLevelCv));
        }

        _priorStrength = 1 / (dayLevelCv * dayLevelCv);
    }

    /// <summary>The factor for the rest of today, from the forecasts and actuals of the intervals elapsed so far.</summary>
    public double Factor(IReadOnlyList<double> forecastSoFar, IReadOnlyList<double> actualSoFar)
    {
        ArgumentNullException.ThrowIfNull(forecastSoFar);
        ArgumentNullException.ThrowIfNull(actualSoFar);
        if (forecastSoFar.Count != actualSoFar.Count)
        {
            throw new ArgumentException($"actualSoFar has {actualSoFar.Count} values but forecastSoFar {forecastSoFar.Count}.", nameof(actualSoFar));
        }

        return (_priorStrength + actualSoFar.Sum()) / (_priorStrength + forecastSoFar.Sum());
    }

    /// <summary>The rest of today's forecast scaled by the factor today's actuals give.</summary>
    public IReadOnlyList<double> Reforecast(IReadOnlyList<double> forecastSoFar, IReadOnlyList<double> actualSoFar, IReadOnlyList<double> forecastRest)
    {
        var factor = Factor(forecastSoFar, actualSoFar);
        return [.. forecastRest.Select(f => f * factor)];
    }
}
