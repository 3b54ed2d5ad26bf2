using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Planning.Forecasting.Methods;

/// <summary>What a method learns from: cleaned history (special days blanked) and which slots are open.</summary>
/// <param name="UnusualDays">Past days found far below their weekday's usual volume and blanked (not given special days).</param>
internal sealed record TrainingWindow(SlotMatrix History, WeeklyOpenMask Open, IReadOnlyList<DateOnly> UnusualDays)
{
    public int Slots => History.Slots;

    public bool IsOpen(int day, int slot) => Open.IsOpen(History.WeekdayOf(day), slot);

    /// <summary>The most recent training day on the weekday of <paramref name="day"/> (which may lie in the future).</summary>
    public int LatestSameWeekday(int day)
    {
        var last = History.Days - 1;
        return day <= last ? day : day - (7 * (((day - last) + 6) / 7));
    }

    /// <summary>Fills <paramref name="into"/> with known values of the slot on the same weekday, most recent first, looking back at most <paramref name="maxLookbackWeeks"/> weeks; returns how many.</summary>
    public int SameWeekdayValues(int day, int slot, Span<double> into, int maxLookbackWeeks)
    {
        var n = 0;
        var d = LatestSameWeekday(day);
        for (var w = 0; w < maxLookbackWeeks && d >= 0 && n < into.Length; w++, d -= 7)
        {
            var v = History[d, slot];
            if (!double.IsNaN(v))
            {
                into[n++] = v;
            }
        }

        return n;
    }
}
