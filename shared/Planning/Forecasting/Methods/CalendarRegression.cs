namespace BackOfficeCloud.Planning.Forecasting.Methods;

/// <summary>
/// Least squares on calendar features over the recent weeks: an effect per weekday × interval and a common linear
/// trend proportional to each cell's level (y = a_cell · (1 + b·t)). Special days are left out of the fit by the
/// caller, so they act as a holiday indicator. Closed form: the cell effects are the cell means, and b solves a
/// one-variable weighted regression on the within-cell deviations.
/// </summary>
internal sealed class CalendarRegression(int fitWeeks) : IForecastMethod
{
    public const string MethodName = "regression";

    /// <summary>The extrapolated trend is capped so that a few odd weeks cannot run a forecast away.</summary>
    private const double MaxTrendChange = 0.25;

    public string Name => MethodName;

    public double[] Forecast(TrainingWindow window, int days)
    {
        var history = window.History;
        var slots = window.Slots;
        var first = Math.Max(0, history.Days - (7 * fitWeeks));
        var cells = 7 * slots;
        var sum = new double[cells];
        var sumT = new double[cells];
        var count = new int[cells];
        ForEachObserved(window, first, (cell, t, y) =>
        {
            sum[cell] += y;
            sumT[cell] += t;
            count[cell]++;
        });

        double numerator = 0, denominator = 0;
        ForEachObserved(window, first, (cell, t, y) =>
        {
            var mean = sum[cell] / count[cell];
            var dt = t - (sumT[cell] / count[cell]);
            numerator += mean * dt * (y - mean);
            denominator += mean * mean * dt * dt;
        });
        var slope = denominator > 0 ? numerator / denominator : 0;

        var result = new double[days * slots];
        for (var f = 0; f < days; f++)
        {
            var day = history.Days + f;
            var row = (int)history.FirstDay.AddDays(day).DayOfWeek * slots;
            for (var s = 0; s < slots; s++)
            {
                var cell = row + s;
                if (count[cell] == 0)
                {
                    continue;
                }

                var change = Math.Clamp(slope * (day - (sumT[cell] / count[cell])), -MaxTrendChange, MaxTrendChange);
                result[(f * slots) + s] = Math.Max(0, sum[cell] / count[cell] * (1 + change));
            }
        }

        return result;
    }

    private static void ForEachObserved(TrainingWindow window, int first, Action<int, int, double> visit)
    {
        var history = window.History;
        for (var d = first; d < history.Days; d++)
        {
            var row = (int)history.WeekdayOf(d) * window.Slots;
            for (var s = 0; s < window.Slots; s++)
            {
                var y = history[d, s];
                if (!double.IsNaN(y) && window.IsOpen(d, s))
                {
                    visit(row + s, d, y);
                }
            }
        }
    }
}
