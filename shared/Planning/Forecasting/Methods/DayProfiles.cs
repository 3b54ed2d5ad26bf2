namespace BackOfficeCloud.Planning.Forecasting.Methods;

/// <summary>Daily totals and weekday-specific intraday profiles (share of the day per slot) of a training window.</summary>
internal sealed class DayProfiles
{
    /// <summary>A day's total is estimated only when the slots it has carry at least this share of its profile.</summary>
    private const double MinKnownShare = 0.6;

    private readonly double[] _shares;

    private DayProfiles(int slots, double[] shares, double[] totals)
    {
        Slots = slots;
        _shares = shares;
        Totals = totals;
    }

    public int Slots { get; }

    /// <summary>Each training day's total over open slots (scaled up for missing slots), NaN if unknown.</summary>
    public double[] Totals { get; }

    public double Share(DayOfWeek weekday, int slot) => _shares[((int)weekday * Slots) + slot];

    public static DayProfiles Learn(TrainingWindow window, int profileWeeks)
    {
        var history = window.History;
        var slots = window.Slots;
        var sums = new double[7 * slots];
        var first = Math.Max(0, history.Days - (7 * profileWeeks));
        for (var d = first; d < history.Days; d++)
        {
            var row = (int)history.WeekdayOf(d) * slots;
            for (var s = 0; s < slots; s++)
            {
                var y = history[d, s];
                if (!double.IsNaN(y) && window.IsOpen(d, s))
                {
                    sums[row + s] += y;
                }
            }
        }

        var shares = new double[7 * slots];
        for (var w = 0; w < 7; w++)
        {
            var row = sums.AsSpan(w * slots, slots);
            var total = 0.0;
            foreach (var v in row)
            {
                total += v;
            }

            for (var s = 0; s < slots; s++)
            {
                shares[(w * slots) + s] = total > 0 ? row[s] / total : 0;
            }
        }

        var profiles = new DayProfiles(slots, shares, new double[history.Days]);
        for (var d = 0; d < history.Days; d++)
        {
            profiles.Totals[d] = profiles.TotalOf(window, d);
        }

        return profiles;
    }

    private double TotalOf(TrainingWindow window, int day)
    {
        var weekday = window.History.WeekdayOf(day);
        double sum = 0, known = 0;
        for (var s = 0; s < Slots; s++)
        {
            var y = window.History[day, s];
            if (!double.IsNaN(y) && window.IsOpen(day, s))
            {
                sum += y;
                known += Share(weekday, s);
            }
        }

        return known >= MinKnownShare ? sum / known : double.NaN;
    }
}
