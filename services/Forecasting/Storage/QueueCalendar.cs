using System.Globalization;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.SpecialDays;

namespace BackOfficeCloud.Forecasting.Storage;

/// <summary>
/// What the roster says about a queue's calendar, as the engine is told it: the zone, the weekly open hours (null when
/// the roster gives none, so the engine learns them from the history) and the closed dates (forecast zero, left out of
/// training).
/// </summary>
public sealed record QueueCalendar(TimeZoneInfo Zone, OpenHours? Hours, SpecialDayCalendar SpecialDays)
{
    public static QueueCalendar Learned(TimeZoneInfo zone) => new(zone, null, SpecialDayCalendar.None);

    /// <summary>The calendar of roster values; a bad range or date throws ArgumentException naming it.</summary>
    public static QueueCalendar Of(TimeZoneInfo zone, IReadOnlyCollection<WeeklyRange> openHours, IEnumerable<string> closedDates)
    {
        ArgumentNullException.ThrowIfNull(openHours);
        var closed = closedDates.Select(ClosedDate).ToList();
        var hours = openHours.Count == 0 ? null : new OpenHours(
            openHours.GroupBy(r => Day(r.DayOfWeek)).ToDictionary(g => g.Key, g => (IReadOnlyList<TimeRange>)[.. g.Select(Range)]), closed);
        return new QueueCalendar(zone, hours, new SpecialDayCalendar(closed, []));
    }

    private static DayOfWeek Day(int isoDay) =>
        isoDay is >= 1 and <= 7 ? (DayOfWeek)(isoDay % 7) : throw new ArgumentException($"open_hours.day_of_week = {isoDay}: must be 1 (Monday) to 7 (Sunday).", nameof(isoDay));

    private static TimeRange Range(WeeklyRange range) =>
        new(Time(range.From, "open_hours.from"), range.To == "24:00" ? TimeOnly.MinValue : Time(range.To, "open_hours.to"));

    private static TimeOnly Time(string text, string field) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time : throw new ArgumentException($"{field} = '{text}': must be a local time HH:mm.", field);

    private static DateOnly ClosedDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : throw new ArgumentException($"closed_dates = '{text}': must be a date yyyy-MM-dd.", nameof(text));
}
