using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Staffing.Deferrable;
using BackOfficeCloud.Planning.Staffing.Planning;
using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Cli.Staffing;

/// <summary>The output of `bocloud requirements` (requirements.json); documented in docs/staffing.md.</summary>
internal sealed record RequirementsFile(
    string Status,
    BlendedTotals Blended,
    SiloFile Silo,
    double SavingHours,
    double SavingShare,
    IReadOnlyList<ShortfallFile> Shortfalls,
    IReadOnlyList<IntervalFile> Intervals)
{
    public static RequirementsFile From(RequirementsResult result, RequirementsRequest request)
    {
        var zone = request.Horizon.Zone;
        return new RequirementsFile(
            result.Status.ToString().ToLowerInvariant(),
            result.Blended with
            {
                PaidHours = Round(result.Blended.PaidHours),
                LpBoundHours = Round(result.Blended.LpBoundHours),
                Gap = Math.Round(result.Blended.Gap, 6),
                OverduePenalty = Round(result.Blended.OverduePenalty),
            },
            new SiloFile(Round(result.Silo.ImmediatePaidHours), result.Silo.BackOfficeHeads, Round(result.Silo.BackOfficePaidHours), Round(result.Silo.PaidHours)),
            Round(result.SavingHours),
            Math.Round(result.SavingShare, 6),
            [.. result.Shortfalls.Select(s => ShortfallFile.From(s, zone))],
            [.. result.Intervals.Select(i => IntervalFile.From(i, request))]);
    }

    internal static double Round(double value) => Math.Round(value, 3);
}

internal sealed record SiloFile(double ImmediatePaidHours, int BackOfficeHeads, double BackOfficePaidHours, double PaidHours);

internal sealed record ShortfallFile(string WorkType, string Item, DateTimeOffset Due, DateOnly DueDay, double LateWorkMinutes, double LateItems, DateTimeOffset? Completed)
{
    public static ShortfallFile From(DeadlineShortfall s, TimeZoneInfo zone) => new(
        s.WorkType,
        s.Item,
        TimeZoneInfo.ConvertTime(s.Due, zone),
        DateOnly.FromDateTime(LocalTime.ToLocal(zone, s.Due)),
        RequirementsFile.Round(s.LateWorkMinutes),
        RequirementsFile.Round(s.LateItems),
        s.Completed is { } c ? TimeZoneInfo.ConvertTime(c, zone) : null);
}

internal sealed record IntervalFile(
    DateTimeOffset Start,
    double ImmediateAgents,
    double DeferrableAgents,
    double ProductiveAgents,
    int ScheduledHeads,
    int SiloHeads,
    IReadOnlyList<QueueIntervalFile> Queues,
    IReadOnlyList<WorkTypeInterval> WorkTypes)
{
    public static IntervalFile From(IntervalRequirement i, RequirementsRequest request) => new(
        TimeZoneInfo.ConvertTime(i.Interval.StartUtc, request.Horizon.Zone),
        i.ImmediateAgents,
        RequirementsFile.Round(i.DeferrableAgents),
        RequirementsFile.Round(i.ProductiveAgents),
        i.ScheduledHeads,
        i.SiloHeads,
        [.. i.Queues.Select((m, q) => QueueIntervalFile.From(request.Queues[q], m))],
        [.. i.WorkTypes.Select(w => w with
        {
            PlannedMinutes = RequirementsFile.Round(w.PlannedMinutes),
            BacklogMinutes = RequirementsFile.Round(w.BacklogMinutes),
            OverdueMinutes = RequirementsFile.Round(w.OverdueMinutes),
        })]);
}

internal sealed record QueueIntervalFile(string Queue, double Agents, double ServiceLevel, double? AsaSeconds, double Occupancy, double? AbandonRate)
{
    public static QueueIntervalFile From(ImmediateQueue queue, QueueMetrics m) => new(
        queue.Name,
        m.Agents,
        Math.Round(m.ServiceLevel, 4),
        double.IsFinite(m.AsaSeconds) ? Math.Round(m.AsaSeconds, 2) : null,
        Math.Round(m.Occupancy, 4),
        queue.Model == QueueModelKind.ErlangA ? Math.Round(m.AbandonRate, 4) : null);
}
