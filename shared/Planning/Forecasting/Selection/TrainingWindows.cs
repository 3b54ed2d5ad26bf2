using BackOfficeCloud.Planning.Forecasting.Methods;
using BackOfficeCloud.Planning.Forecasting.Series;
using BackOfficeCloud.Planning.Forecasting.SpecialDays;

namespace BackOfficeCloud.Planning.Forecasting.Selection;

/// <summary>Turns the first days of a raw history into what methods train on: open slots known, special days blanked.</summary>
internal sealed class TrainingWindows(SlotMatrix raw, IReadOnlySet<DateOnly> knownSpecialDates, WeeklyOpenMask? givenOpenMask, ForecastOptions options)
{
    public SlotMatrix Raw => raw;

    public IReadOnlySet<DateOnly> KnownSpecialDates => knownSpecialDates;

    public TrainingWindow Prefix(int days)
    {
        var history = raw.Prefix(days).Copy();
        foreach (var date in knownSpecialDates)
        {
            BlankDay(history, history.DayOf(date));
        }

        var open = givenOpenMask ?? WeeklyOpenMask.Learn(history, options.OpenHoursWeeks);
        foreach (var day in UnusualDays.Find(history, open, options.UnusualDayShare))
        {
            BlankDay(history, day);
        }

        return new TrainingWindow(history, open);
    }

    /// <summary>Days before <paramref name="days"/> far below their weekday's usual volume.</summary>
    public HashSet<int> UnusualDaysBefore(int days)
    {
        var history = raw.Prefix(days);
        var open = givenOpenMask ?? WeeklyOpenMask.Learn(history, options.OpenHoursWeeks);
        return [.. UnusualDays.Find(history, open, options.UnusualDayShare)];
    }

    private static void BlankDay(SlotMatrix history, int day)
    {
        if (day < 0 || day >= history.Days)
        {
            return;
        }

        for (var s = 0; s < history.Slots; s++)
        {
            history[day, s] = double.NaN;
        }
    }
}
