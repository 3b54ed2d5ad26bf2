using System.Globalization;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Cli.Forecasting;

/// <summary>Reads the CSV files of `bocloud forecast` and `bocloud backtest`; errors name the row and field.</summary>
internal static class HistoryCsv
{
    /// <summary>
    /// Reads `timestamp,value` rows and sums them into planning intervals. Rows may be finer than the interval
    /// (e.g. 6-minute ACD counts into 30-minute intervals) as long as their spacing divides it.
    /// </summary>
    public static IntervalSeries ReadHistory(string path, TimeZoneInfo? zone, int intervalMinutes)
    {
        var observations = new List<Observation>();
        foreach (var (row, fields) in CsvRows.Read(path, "timestamp", "value"))
        {
            var timestamp = ParseTimestamp(path, fields[0], zone, row, "timestamp");
            if (!double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
            {
                throw new FormatException($"{path} line {row}, field value: '{fields[1]}' is not a non-negative number.");
            }

            observations.Add(new Observation(timestamp, value));
        }

        if (observations.Count == 0)
        {
            throw new FormatException($"{path}: no data rows under the header 'timestamp,value'.");
        }

        EnsureSpacingDivides(path, observations, intervalMinutes);
        return IntervalSeries.Aggregate(zone ?? TimeZoneInfo.Utc, intervalMinutes, observations);
    }

    /// <summary>Reads the `timestamp` rows of a future file: exactly the intervals to forecast.</summary>
    public static IReadOnlyList<DateTimeOffset> ReadTimestamps(string path, TimeZoneInfo? zone) =>
        [.. CsvRows.Read(path, "timestamp").Select(r => ParseTimestamp(path, r.Fields[0], zone, r.Row, "timestamp"))];

    /// <summary>ISO 8601 with an offset, or a naive local wall-clock time read in <paramref name="zone"/>.</summary>
    private static DateTimeOffset ParseTimestamp(string path, string text, TimeZoneInfo? zone, int row, string field)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw new FormatException($"{path} line {row}, field {field}: '{text}' is not an ISO 8601 timestamp.");
        }

        if (parsed.Kind != DateTimeKind.Unspecified)
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        }

        return zone is null
            ? throw new FormatException($"{path} line {row}, field {field}: '{text}' has no UTC offset; give --time-zone to read naive local times.")
            : LocalTime.ToUtc(zone, parsed);
    }

    private static void EnsureSpacingDivides(string path, List<Observation> observations, int intervalMinutes)
    {
        var spacing = observations.Zip(observations.Skip(1), (a, b) => (b.Timestamp - a.Timestamp).TotalMinutes)
            .Where(m => m > 0)
            .DefaultIfEmpty(intervalMinutes)
            .Min();
        if (intervalMinutes % spacing != 0)
        {
            throw new FormatException($"{path}: rows are {spacing:0.##} minutes apart, which does not divide --interval-minutes {intervalMinutes}; choose an interval that is a multiple of the history's.");
        }
    }
}
