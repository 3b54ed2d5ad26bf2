namespace BackOfficeCloud.Planning.Forecasting.Methods;

/// <summary>The mean or median of the same weekday and interval over the last k weeks that have it.</summary>
internal sealed class SeasonalAverage(bool median, int weeks) : IForecastMethod
{
    public const string MeanName = "seasonal_mean";
    public const string MedianName = "seasonal_median";

    public string Name => median ? MedianName : MeanName;

    public double[] Forecast(TrainingWindow window, int days)
    {
        var slots = window.Slots;
        var result = new double[days * slots];
        Span<double> values = stackalloc double[weeks];
        for (var f = 0; f < days; f++)
        {
            var day = window.History.Days + f;
            for (var s = 0; s < slots; s++)
            {
                var n = window.SameWeekdayValues(day, s, values, 3 * weeks);
                result[(f * slots) + s] = n == 0 ? 0 : median ? Median(values[..n]) : Mean(values[..n]);
            }
        }

        return result;
    }

    private static double Mean(Span<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    private static double Median(Span<double> values)
    {
        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
