using System.CommandLine;
using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Cli.Forecasting;

/// <summary>The options `forecast` and `backtest` share.</summary>
internal static class SeriesOptions
{
    public static Option<FileInfo> Input() => new("--input")
    {
        Description = "History CSV with header timestamp,value (ISO 8601 with offset, or naive local times with --time-zone)",
        Required = true,
    };

    public static Option<int> IntervalMinutes() => new("--interval-minutes")
    {
        Description = "Planning interval: 5, 15, 30 or 60; finer history rows are summed into it",
        Required = true,
    };

    public static Option<string?> TimeZone() => new("--time-zone")
    {
        Description = "IANA zone of the local calendar (and of naive timestamps); UTC when omitted",
    };

    public static TimeZoneInfo? Zone(string? id) => id is null ? null : LocalTime.FindZone(id);
}
