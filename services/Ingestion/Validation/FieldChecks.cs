using System.Globalization;
using BackOfficeCloud.Planning.Calendar;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Ingestion.Validation;

/// <summary>The checks rows of every kind share; each failure is reported on the row's <see cref="RowErrors"/>.</summary>
public static class FieldChecks
{
    public const int MaxIdLength = 200;
    public const int MaxTextLength = 1000;
    private const int ShownValueLength = 60;
    // Timestamp's own range: 0001-01-01 to 9999-12-31
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;
    private static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Shorten(string value) => value.Length <= ShownValueLength ? value : value[..ShownValueLength] + "…";

    public static void Id(string value, string field, RowErrors errors, bool required = true) =>
        Text(value, field, errors, MaxIdLength, required);

    public static void Text(string value, string field, RowErrors errors, int maxLength = MaxTextLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Fail(field, value, "is required");
            }
        }
        else if (value.Length > maxLength)
        {
            errors.Fail(field, value, $"is longer than {maxLength} characters ({value.Length})");
        }
    }

    public static void Queue(string queue, string field, RowErrors errors, IngestContext context)
    {
        Id(queue, field, errors);
        if (context.KnownQueues is { } known && !string.IsNullOrWhiteSpace(queue) && !known.Contains(queue))
        {
            errors.Fail(field, queue, "is not a queue of the tenant's roster");
        }
    }

    public static void NonNegative(double value, string field, RowErrors errors)
    {
        if (value < 0 || !double.IsFinite(value))
        {
            errors.Fail(field, value, "must be a finite number, zero or more");
        }
    }

    public static void NonNegative(long value, string field, RowErrors errors)
    {
        if (value < 0)
        {
            errors.Fail(field, value, "must be zero or more");
        }
    }

    public static void Defined<TEnum>(TEnum value, string field, RowErrors errors)
        where TEnum : struct, System.Enum
    {
        // the proto enums' value 0 is their UNSPECIFIED
        if (EqualityComparer<TEnum>.Default.Equals(value, default) || !System.Enum.IsDefined(value))
        {
            var names = System.Enum.GetNames<TEnum>().Skip(1).Select(n => n.ToLowerInvariant());
            errors.Fail(field, value, $"must be one of {string.Join(", ", names)}");
        }
    }

    /// <summary>A timestamp of something that happened: between 1990 and a day after now; null when absent or refused.</summary>
    public static DateTimeOffset? Instant(Timestamp? value, string field, RowErrors errors, IngestContext context, bool required) =>
        Checked(value, field, errors, context.Now.AddDays(1), "tomorrow", required);

    /// <summary>A planned timestamp (deadline, time off): any valid time from 1990 on; null when absent or refused.</summary>
    public static DateTimeOffset? PlannedInstant(Timestamp? value, string field, RowErrors errors, bool required) =>
        Checked(value, field, errors, DateTimeOffset.MaxValue, "9999", required);

    private static DateTimeOffset? Checked(Timestamp? value, string field, RowErrors errors, DateTimeOffset latest, string latestName, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Fail(field, null, "is required");
            }

            return null;
        }

        if (value.Nanos is < 0 or > 999_999_999 || value.Seconds < MinSeconds || value.Seconds > MaxSeconds)
        {
            errors.Fail(field, $"{value.Seconds}s {value.Nanos}ns", "is not a valid timestamp");
            return null;
        }

        var instant = value.ToDateTimeOffset();
        if (instant < Earliest || instant > latest)
        {
            errors.Fail(field, instant.ToString("O", CultureInfo.InvariantCulture), $"is outside 1990 to {latestName}");
            return null;
        }

        return instant;
    }

    /// <summary>Refuses <paramref name="end"/> before <paramref name="start"/> (both already checked on their own).</summary>
    public static void NotBefore(DateTimeOffset? end, DateTimeOffset? start, string endField, string startField, RowErrors errors)
    {
        if (end is { } e && start is { } s && e < s)
        {
            errors.Fail(endField, e.ToString("O", CultureInfo.InvariantCulture), $"is before {startField}");
        }
    }

    public static void TimeZone(string zone, string field, RowErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(zone))
        {
            if (required)
            {
                errors.Fail(field, zone, "is required");
            }

            return;
        }

        try
        {
            LocalTime.FindZone(zone);
        }
        catch (ArgumentException)
        {
            errors.Fail(field, zone, "is not a known time zone (use an IANA id such as Europe/Berlin)");
        }
    }

    /// <summary>A local "HH:mm" time of day ("24:00" allowed where <paramref name="endOfDay"/>); null when refused.</summary>
    public static TimeSpan? TimeOfDay(string value, string field, RowErrors errors, bool endOfDay = false)
    {
        if (endOfDay && value == "24:00")
        {
            return TimeSpan.FromHours(24);
        }

        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.ToTimeSpan();
        }

        errors.Fail(field, value, "must be a local time HH:mm");
        return null;
    }

    public static void Date(string value, string field, RowErrors errors)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Fail(field, value, "is not a date yyyy-MM-dd");
        }
    }
}
