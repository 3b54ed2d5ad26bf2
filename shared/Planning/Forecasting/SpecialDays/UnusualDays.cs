using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Planning.Forecasting.SpecialDays;

/// <summary>
/// Finds past days far below their weekday's usual volume (unannounced holidays, outages, data loss), so that they do
/// not drag the baseline down. The usual volume is the median of the same weekday up to four weeks either side.
/// </summary>
internal static class UnusualDays
{
    /// <summary>Days whose total is below <paramref name="share"/> of their usual total.</summary>
    public static IReadOnlyList<int> Find(SlotMatrix history, WeeklyOpenMask open, double share)
    {
        var shares = ShareOfUsual(history, open);
        return [.. Enumerable.Range(0, shares.Length).Where(d => shares[d] < share)];
    }

    /// <summary>Each day's total over its usual total; NaN when the day has no data or too few same weekdays around it.</summary>
    public static double[] ShareOfUsual(SlotMatrix history, WeeklyOpenMask open)
    {
        var totals = new double[history.Days];
        for (var d = 0; d < history.Days; d++)
        {
            totals[d] = history.OpenTotal(d, open);
        }

        var shares = new double[history.Days];
        Array.Fill(shares, double.NaN);
        Span<double> neighbours = stackalloc double[8];
        for (var d = 0; d < history.Days; d++)
        {
            if (double.IsNaN(totals[d]))
            {
                continue;
            }

            var n = 0;
            for (var k = -4; k <= 4; k++)
            {
                var other = d + (7 * k);
                if (k != 0 && other >= 0 && other < history.Days && !double.IsNaN(totals[other]))
                {
                    neighbours[n++] = totals[other];
                }
            }

            if (n >= 2)
            {
                neighbours[..n].Sort();
                var usual = n % 2 == 1 ? neighbours[n / 2] : (neighbours[(n / 2) - 1] + neighbours[n / 2]) / 2;
                shares[d] = totals[d] / usual;
            }
        }

        return shares;
    }
}
