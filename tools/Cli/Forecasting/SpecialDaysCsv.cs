using System.Globalization;
using BackOfficeCloud.Planning.Forecasting.SpecialDays;

namespace BackOfficeCloud.Cli.Forecasting;

/// <summary>
/// Reads `date,kind,type,days,effect` rows: `closed` dates forecast 0; an `event` of a type lasts `days` days
/// (1 when empty) from `date`, with `effect` multipliers separated by ';' (one for all days or one per day), or,
/// when empty, the effect estimated from past events of the same type in the file.
/// </summary>
internal static class SpecialDaysCsv
{
    public static SpecialDayCalendar Read(string path)
    {
        var (closed, events) = (new List<DateOnly>(), new List<KnownEvent>());
        foreach (var (row, f) in CsvRows.Read(path, "date", "kind", "type", "days", "effect"))
        {
            if (!DateOnly.TryParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"{path} line {row}, field date: '{f[0]}' is not a yyyy-MM-dd date.");
            }

            switch (f[1].ToLowerInvariant())
            {
                case "closed":
                    closed.Add(date);
                    break;
                case "event":
                    var days = f[3].Length == 0 ? 1 : int.TryParse(f[3], CultureInfo.InvariantCulture, out var d) && d > 0
                        ? d
                        : throw new FormatException($"{path} line {row}, field days: '{f[3]}' is not a positive whole number.");
                    events.Add(new KnownEvent(f[2], date, days, Effect(path, row, f[4], days)));
                    break;
                default:
                    throw new FormatException($"{path} line {row}, field kind: '{f[1]}' is neither 'closed' nor 'event'.");
            }
        }

        var calendar = new SpecialDayCalendar(closed, events);
        calendar.Validate();
        return calendar;
    }

    private static double[]? Effect(string path, int row, string text, int days)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var parts = text.Split(';').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m >= 0
            ? m
            : throw new FormatException($"{path} line {row}, field effect: '{p}' is not a non-negative multiplier.")).ToArray();
        return parts.Length == 1 ? Enumerable.Repeat(parts[0], days).ToArray()
            : parts.Length == days ? parts
            : throw new FormatException($"{path} line {row}, field effect: {parts.Length} multipliers for {days} days; give one, or one per day.");
    }
}
