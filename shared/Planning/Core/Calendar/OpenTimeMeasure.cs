namespace BackOfficeCloud.Planning.Calendar;

/// <summary>How much open time lies between two instants: the inverse question of <see cref="OpenHours.AddOpenTime"/>.</summary>
public static class OpenTimeMeasure
{
    /// <summary>
    /// The open time of <paramref name="hours"/> within [<paramref name="from"/>, <paramref name="to"/>), counted in
    /// elapsed time like <see cref="OpenHours.AddOpenTime"/>, so AddOpenTime(from, OpenTimeBetween(from, to)) ≤ to.
    /// </summary>
    public static TimeSpan OpenTimeBetween(this OpenHours hours, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(zone);
        var total = TimeSpan.Zero;
        var lastDay = DateOnly.FromDateTime(LocalTime.ToLocal(zone, to));
        for (var day = DateOnly.FromDateTime(LocalTime.ToLocal(zone, from)); day <= lastDay && from < to; day = day.AddDays(1))
        {
            foreach (var range in hours.RangesOn(day))
            {
                var open = LocalTime.ToUtc(zone, day.ToDateTime(range.Open));
                var close = range.Close == TimeOnly.MinValue
                    ? LocalTime.StartOfDay(zone, day.AddDays(1))
                    : LocalTime.ToUtc(zone, day.ToDateTime(range.Close));
                var overlap = (close < to ? close : to) - (open > from ? open : from);
                if (overlap > TimeSpan.Zero)
                {
                    total += overlap;
                }
            }
        }

        return total;
    }
}
