using System.Globalization;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>
/// Weekly local ranges of the roster (a queue's open hours, an agent's availability) as <see cref="OpenHours"/>; null
/// when there are none. Ingestion has checked them; a range that still does not read is left out.
/// </summary>
public static class RosterHours
{
    public static OpenHours? Of(IReadOnlyCollection<WeeklyRange> ranges, IEnumerable<string>? closedDates = null)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var weekly = ranges
            .Where(r => r.DayOfWeek is >= 1 and <= 7 && Time(r.From) is not null && (r.To == "24:00" || Time(r.To) > Time(r.From)))
            .GroupBy(r => (DayOfWeek)(r.DayOfWeek % 7))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TimeRange>)[.. g.Select(r => new TimeRange(Time(r.From)!.Value, r.To == "24:00" ? TimeOnly.MinValue : Time(r.To)!.Value))]);
        if (weekly.Count == 0)
        {
            return null;
        }

        var closed = (closedDates ?? []).Select(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null);
        return new OpenHours(weekly, closed.OfType<DateOnly>());
    }

    private static TimeOnly? Time(string text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
