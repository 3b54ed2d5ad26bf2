using BackOfficeCloud.Planning.Forecasting.Methods;

namespace BackOfficeCloud.Planning.Forecasting.Selection;

/// <summary>One rolling origin: the window before it, and the actuals after it that are scored (NaN = not scored).</summary>
/// <param name="Atypical">Fold days (0 = the origin) well below their weekday's usual volume, left out of method ranking and interval calibration.</param>
internal sealed record Fold(int Origin, TrainingWindow Window, double[] Actual, double MaseScale, IReadOnlySet<int> Atypical)
{
    public int Days => Actual.Length / Window.Slots;

    /// <summary>Whether the value at <paramref name="index"/> ranks methods and calibrates prediction intervals: scored, on an ordinary day.</summary>
    public bool IsOrdinary(int index) => !double.IsNaN(Actual[index]) && !Atypical.Contains(index / Window.Slots);

    /// <param name="skipUnusualDays">
    /// Leave unusual days (far below their weekday's usual volume) unscored: right when choosing a method and
    /// calibrating intervals for ordinary days, wrong when judging a forecast after the fact.
    /// </param>
    public static Fold Build(TrainingWindows windows, int origin, int days, bool skipUnusualDays)
    {
        var window = windows.Prefix(origin);
        var raw = windows.Raw;
        var options = windows.Options;
        var shares = windows.ShareOfUsualBefore(origin + days);
        var atypical = Enumerable.Range(0, Math.Max(0, shares.Length - origin)).Where(f => shares[origin + f] < options.CalibrationDayShare).ToHashSet();
        var slots = raw.Slots;
        var actual = new double[days * slots];
        Array.Fill(actual, double.NaN);
        for (var f = 0; f < days && origin + f < raw.Days; f++)
        {
            var day = origin + f;
            if (windows.KnownSpecialDates.Contains(raw.DateOf(day)) || (skipUnusualDays && shares[day] < options.UnusualDayShare))
            {
                continue;
            }

            for (var s = 0; s < slots; s++)
            {
                if (window.Open.IsOpen(raw.WeekdayOf(day), s))
                {
                    actual[(f * slots) + s] = raw[day, s];
                }
            }
        }

        return new Fold(origin, window, actual, SeasonalNaiveError(window), atypical);
    }

    /// <summary>Mean absolute change from the same slot a week earlier over the window: the MASE scale.</summary>
    private static double SeasonalNaiveError(TrainingWindow window)
    {
        var history = window.History;
        var (sum, n) = (0.0, 0);
        for (var d = 7; d < history.Days; d++)
        {
            for (var s = 0; s < history.Slots; s++)
            {
                var change = history[d, s] - history[d - 7, s];
                if (!double.IsNaN(change) && window.IsOpen(d, s))
                {
                    sum += Math.Abs(change);
                    n++;
                }
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }
}
