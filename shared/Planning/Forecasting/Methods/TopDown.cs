namespace BackOfficeCloud.Planning.Forecasting.Methods;

/// <summary>
/// The classic WFM method: daily totals forecast with weekday seasonality (simple exponential smoothing of the
/// weekday-adjusted totals, smoothing weight fitted), spread over the day by weekday-specific intraday profiles.
/// </summary>
internal sealed class TopDown(int profileWeeks) : IForecastMethod
{
    public const string MethodName = "top_down";

    public string Name => MethodName;

    public double[] Forecast(TrainingWindow window, int days)
    {
        var profiles = DayProfiles.Learn(window, profileWeeks);
        var factors = WeekdayFactors(window, profiles.Totals);
        var adjusted = new double[profiles.Totals.Length];
        for (var d = 0; d < adjusted.Length; d++)
        {
            var factor = factors[(int)window.History.WeekdayOf(d)];
            adjusted[d] = factor > 0 ? profiles.Totals[d] / factor : double.NaN;
        }

        var level = BestSmoothedLevel(adjusted);
        var slots = window.Slots;
        var result = new double[days * slots];
        for (var f = 0; f < days; f++)
        {
            var weekday = window.History.FirstDay.AddDays(window.History.Days + f).DayOfWeek;
            var total = level * factors[(int)weekday];
            for (var s = 0; s < slots; s++)
            {
                result[(f * slots) + s] = total * profiles.Share(weekday, s);
            }
        }

        return result;
    }

    /// <summary>Mean total of each weekday over the profile weeks relative to the mean of all days.</summary>
    private double[] WeekdayFactors(TrainingWindow window, double[] totals)
    {
        var sums = new double[7];
        var counts = new int[7];
        for (var d = Math.Max(0, totals.Length - (7 * profileWeeks)); d < totals.Length; d++)
        {
            if (!double.IsNaN(totals[d]))
            {
                var w = (int)window.History.WeekdayOf(d);
                sums[w] += totals[d];
                counts[w]++;
            }
        }

        var means = new double[7];
        for (var w = 0; w < 7; w++)
        {
            means[w] = counts[w] == 0 ? 0 : sums[w] / counts[w];
        }

        var overall = means.Average();
        return [.. means.Select(m => overall > 0 ? m / overall : 0)];
    }

    /// <summary>The final level of simple exponential smoothing, with the weight that minimises one-step squared error.</summary>
    private static double BestSmoothedLevel(double[] series)
    {
        var (bestSse, bestLevel) = (double.MaxValue, 0.0);
        for (var alpha = 0.05; alpha <= 1.0001; alpha += 0.05)
        {
            var (sse, level) = Smooth(series, alpha);
            if (sse < bestSse)
            {
                (bestSse, bestLevel) = (sse, level);
            }
        }

        return bestLevel;
    }

    private static (double Sse, double Level) Smooth(double[] series, double alpha)
    {
        var level = double.NaN;
        var sse = 0.0;
        foreach (var y in series)
        {
            if (double.IsNaN(y))
            {
                continue;
            }

            if (double.IsNaN(level))
            {
                level = y;
                continue;
            }

            sse += (y - level) * (y - level);
            level += alpha * (y - level);
        }

        return (sse, double.IsNaN(level) ? 0 : level);
    }
}
