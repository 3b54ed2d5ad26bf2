using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Methods;
using BackOfficeCloud.Planning.Forecasting.Series;
using BackOfficeCloud.Planning.Forecasting.SpecialDays;

namespace BackOfficeCloud.Planning.Forecasting.Selection;

/// <summary>Turns the first days of a raw history into what methods train on: open slots known, special days blanked.</summary>
internal sealed class TrainingWindows(SlotMatrix raw, IReadOnlySet<DateOnly> knownSpecialDates, WeeklyOpenMask? givenOpenMask, ForecastOptions options)
{
    /// <summary>
    /// The first <paramref name="days"/> local days of <paramref name="history"/>, with the dates that are not ordinary
    /// days (closures, event windows, closed dates of the open hours) and the open hours when they are given.
    /// </summary>
    public static TrainingWindows Of(IntervalSeries history, int days, SpecialDayCalendar special, OpenHours? openHours, ForecastOptions options)
    {
        var firstDay = history.Points[0].Interval.LocalDate;
        var specialDates = new HashSet<DateOnly>(special.SpecialDates().Concat(openHours?.ClosedDates ?? Enumerable.Empty<DateOnly>()));
        var givenMask = openHours is null ? null : WeeklyOpenMask.FromOpenHours(openHours, history.IntervalMinutes);
        return new TrainingWindows(SlotMatrix.From(history, firstDay, days), specialDates, givenMask, options);
    }

    public SlotMatrix Raw => raw;

    public ForecastOptions Options => options;

    public IReadOnlySet<DateOnly> KnownSpecialDates => knownSpecialDates;

    public TrainingWindow Prefix(int days)
    {
        var history = raw.Prefix(days).Copy();
        foreach (var date in knownSpecialDates)
        {
            BlankDay(history, history.DayOf(date));
        }

        var open = givenOpenMask ?? WeeklyOpenMask.Learn(history, options.OpenHoursWeeks);
        var unusual = UnusualDays.Find(history, open, options.UnusualDayShare);
        foreach (var day in unusual)
        {
            BlankDay(history, day);
        }

        return new TrainingWindow(history, open, [.. unusual.Select(history.DateOf)]);
    }

    /// <summary>Each of the first <paramref name="days"/> days' total over its weekday's usual total (NaN when unknown).</summary>
    public double[] ShareOfUsualBefore(int days)
    {
        var history = raw.Prefix(days);
        return UnusualDays.ShareOfUsual(history, givenOpenMask ?? WeeklyOpenMask.Learn(history, options.OpenHoursWeeks));
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
