using BackOfficeCloud.Contracts.Scheduling.V1;

namespace BackOfficeCloud.Portal.WhatIf;

/// <summary>One Chart.js line (a dataset): values per interval, null where there is nothing to show.</summary>
public sealed record ChartLine(string Label, IReadOnlyList<double?> Data, string BorderColor, IReadOnlyList<int> BorderDash, bool Fill = false, double PointRadius = 0);

/// <summary>A Chart.js line chart's data: interval labels in the schedule's local time and the lines.</summary>
public sealed record ChartData(IReadOnlyList<string> Labels, IReadOnlyList<ChartLine> Datasets);

/// <summary>
/// The what-if charts: service level per interval of each queue under the chosen policy and the comparison one,
/// against the target; and phone and back-office occupancy per interval. Intervals without contacts have no
/// service level (a gap, not 100%).
/// </summary>
public static class WhatIfChart
{
    private static readonly string[] Colours = ["#1f6feb", "#8250df", "#bf8700", "#1a7f37"];
    private const string TargetColour = "#c62828";
    private const string ComparisonColour = "#8c959f";

    public static ChartData ServiceLevel(ScheduleSimulation chosen, ScheduleSimulation comparison, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(comparison);
        var lines = new List<ChartLine>();
        for (var q = 0; q < chosen.Queues.Count; q++)
        {
            var queue = chosen.Queues[q];
            lines.Add(new ChartLine($"{queue.Queue} · {chosen.Policy}", PerInterval(chosen, q), Colours[q % Colours.Length], []));
            lines.Add(new ChartLine($"{queue.Queue} · {comparison.Policy}", PerInterval(comparison, q), ComparisonColour, [4, 3]));
            lines.Add(new ChartLine($"{queue.Queue} target", [.. chosen.Intervals.Select(_ => (double?)queue.TargetServiceLevel)], TargetColour, [8, 4]));
        }

        return new ChartData(Labels(chosen, zone), lines);
    }

    public static ChartData Occupancy(ScheduleSimulation chosen, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        return new ChartData(
            Labels(chosen, zone),
            [
                new ChartLine("phone occupancy", [.. chosen.Intervals.Select(i => Staffed(i, i.PhoneOccupancy))], Colours[0], [], Fill: true),
                new ChartLine("back-office occupancy", [.. chosen.Intervals.Select(i => Staffed(i, i.BackOfficeOccupancy))], Colours[2], [], Fill: true),
            ]);
    }

    private static List<double?> PerInterval(ScheduleSimulation simulation, int queue) =>
        [.. simulation.Intervals.Select(i => i.Queues[queue].Offered > 0.01 ? (double?)i.Queues[queue].ServiceLevel : null)];

    private static double? Staffed(SimulatedInterval interval, double occupancy) => interval.ScheduledAgents > 0 ? occupancy : null;

    /// <summary>Local clock times; the day's name where a new local day starts.</summary>
    private static List<string> Labels(ScheduleSimulation simulation, TimeZoneInfo zone)
    {
        var labels = new List<string>(simulation.Intervals.Count);
        DateOnly? day = null;
        foreach (var interval in simulation.Intervals)
        {
            var local = TimeZoneInfo.ConvertTime(interval.Start.ToDateTimeOffset(), zone);
            var today = DateOnly.FromDateTime(local.DateTime);
            labels.Add(day == today ? local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : local.ToString("ddd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            day = today;
        }

        return labels;
    }
}
