using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Staffing.Deferrable;

/// <summary>
/// Works a plan's minutes on a stream's lots earliest-due first, interval by interval, and names every lot due inside
/// the horizon that is not finished by its due interval, with how much was late and when it was finished.
/// </summary>
public static class DeadlineReplay
{
    private const double Tolerance = 1e-6;

    public static IReadOnlyList<DeadlineShortfall> Shortfalls(WorkStream stream, IReadOnlyList<double> plannedMinutes, IReadOnlyList<PlanningInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(plannedMinutes);
        ArgumentNullException.ThrowIfNull(intervals);
        var lots = stream.Lots;
        var remaining = lots.Select(l => l.Minutes).ToArray();
        var late = new double[lots.Count];
        var completed = new int?[lots.Count];
        var next = 0;
        for (var t = 0; t < intervals.Count; t++)
        {
            var capacity = plannedMinutes[t];
            for (var i = next; i < lots.Count && capacity > Tolerance && lots[i].ReleaseIndex <= t; i++)
            {
                if (remaining[i] == 0)
                {
                    continue;
                }

                var done = Math.Min(capacity, remaining[i]);
                remaining[i] -= done;
                capacity -= done;
                if (remaining[i] <= Tolerance * Math.Max(1, lots[i].Minutes))
                {
                    remaining[i] = 0;
                    completed[i] = t;
                }
            }

            while (next < lots.Count && remaining[next] == 0)
            {
                next++;
            }

            for (var i = next; i < lots.Count && lots[i].DueIndex <= t; i++)
            {
                if (lots[i].DueIndex == t && lots[i].DueInsideHorizon && remaining[i] > 0)
                {
                    late[i] = remaining[i];
                }
            }
        }

        return [.. Enumerable.Range(0, lots.Count)
            .Where(i => late[i] > 0)
            .Select(i => new DeadlineShortfall(
                stream.WorkType,
                lots[i].Label,
                lots[i].Due,
                late[i],
                late[i] / stream.HandleMinutes,
                completed[i] is { } c ? intervals[c].EndUtc : null))];
    }
}
