using BackOfficeCloud.Planning.Forecasting.Methods;
using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Planning.Forecasting.SpecialDays;

/// <summary>
/// The multiplier a known event puts on each day of its window: as entered, or estimated as the median, over past
/// events of the same type, of the day's volume over the mean of the same weekday in the four weeks before.
/// </summary>
internal static class EventEffects
{
    private const int BaselineWeeks = 4;

    public static double Multiplier(KnownEvent e, DateOnly date, IReadOnlyList<KnownEvent> all, SlotMatrix raw, TrainingWindow cleaned)
    {
        var offset = date.DayNumber - e.Start.DayNumber;
        if (e.Effect is { } entered)
        {
            return entered[offset];
        }

        var ratios = new List<double>();
        foreach (var past in all.Where(p => p.Type == e.Type && p.Start.AddDays(p.Days) <= raw.DateOf(raw.Days - 1).AddDays(1)))
        {
            if (offset >= past.Days)
            {
                continue;
            }

            var day = raw.DayOf(past.Start.AddDays(offset));
            var actual = raw.OpenTotal(day, cleaned.Open);
            var baseline = Baseline(cleaned, day);
            if (day >= 0 && !double.IsNaN(actual) && baseline > 0)
            {
                ratios.Add(actual / baseline);
            }
        }

        if (ratios.Count == 0)
        {
            return 1;
        }

        ratios.Sort();
        var mid = ratios.Count / 2;
        return ratios.Count % 2 == 1 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
    }

    private static double Baseline(TrainingWindow cleaned, int day)
    {
        var (sum, n) = (0.0, 0);
        for (var w = 1; w <= BaselineWeeks; w++)
        {
            var total = cleaned.History.OpenTotal(day - (7 * w), cleaned.Open);
            if (!double.IsNaN(total))
            {
                (sum, n) = (sum + total, n + 1);
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }
}
