namespace BackOfficeCloud.Planning.Calendar;

/// <summary>Wall-clock to instant conversion that is defined on every day, daylight-saving days included.</summary>
public static class LocalTime
{
    /// <summary>
    /// The instant of a local wall-clock time. A time skipped by a spring-forward change maps to the instant the
    /// clocks jumped to (02:30 on a 02:00→03:00 night is 03:00); a time repeated by a fall-back change maps to its
    /// first occurrence.
    /// </summary>
    public static DateTimeOffset ToUtc(TimeZoneInfo zone, DateTime local)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Walk forward minute by minute to the first valid wall-clock time; gaps are at most a few hours.
            var probe = local;
            while (zone.IsInvalidTime(probe))
            {
                probe = probe.AddMinutes(1);
            }

            var offsetAfter = zone.GetUtcOffset(probe);
            return new DateTimeOffset(probe, offsetAfter).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var larger = offsets.Max();
            return new DateTimeOffset(local, larger).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The wall-clock time in <paramref name="zone"/> of an instant.</summary>
    public static DateTime ToLocal(TimeZoneInfo zone, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);
    }

    /// <summary>The instant local midnight starts <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOfDay(TimeZoneInfo zone, DateOnly day) =>
        ToUtc(zone, day.ToDateTime(TimeOnly.MinValue));

    /// <summary>Resolves an IANA (or Windows) zone id with an error that names it.</summary>
    public static TimeZoneInfo FindZone(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"Unknown time zone '{id}': use an IANA zone id such as 'Europe/Amsterdam'.", nameof(id));
        }
    }
}
