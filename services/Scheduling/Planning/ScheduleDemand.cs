using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Planning.Staffing.Planning;
using StaffingRequest = BackOfficeCloud.Planning.Staffing.Planning.RequirementsRequest;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>
/// What a schedule must cover, kept with a requirements plan: the immediate queues' required agents per interval and
/// the deferrable work as arrivals with due intervals (the scheduler places that work itself, inside its windows).
/// The cost of a missing agent is the tenant's setting when a schedule is solved.
/// </summary>
public sealed record ScheduleDemand(Horizon Horizon, IReadOnlyList<BackOfficeCloud.Planning.Scheduling.Model.ImmediateQueue> Queues, IReadOnlyList<DeferrableWork> WorkTypes)
{
    public static ScheduleDemand From(StaffingRequest request, RequirementsResult result, PlanningPeriod period, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(period);
        var queues = request.Queues.Select((q, k) => new BackOfficeCloud.Planning.Scheduling.Model.ImmediateQueue(
            q.Name, 0, [.. result.Intervals.Select(i => i.Queues[k].Agents)])).ToList();
        var work = request.WorkTypes.Select(w => new DeferrableWork(w.Name, w.Name, [.. Arrivals(w, period)])).ToList();
        var horizon = request.Horizon;
        return new ScheduleDemand(new Horizon(timeZone, horizon.FirstDay, horizon.Days, horizon.IntervalMinutes), queues, work);
    }

    /// <summary>
    /// Forecast items arrive at the end of their interval (workable from the next) and are due their SLA of open time
    /// later; backlog items are workable from the period's start or their arrival and due at their due time.
    /// A deadline between interval boundaries is met only by intervals that end by it.
    /// </summary>
    private static IEnumerable<WorkArrival> Arrivals(BackOfficeCloud.Planning.Staffing.Deferrable.DeferrableWorkType work, PlanningPeriod period)
    {
        var intervals = period.Intervals;
        foreach (var item in work.Backlog)
        {
            var from = item.Arrived <= period.Start ? 0 : period.IndexOf(item.Arrived);
            var due = item.Due ?? (work.Sla is { } sla ? work.Hours.AddOpenTime(period.Zone, item.Arrived, sla) : period.End);
            if (from < intervals.Count)
            {
                yield return new WorkArrival(from, item.Count * work.HandleMinutes, Math.Max(from + 1, period.IndexOf(due)));
            }
        }

        for (var t = 0; t + 1 < intervals.Count; t++)
        {
            if (work.Arrivals[t] > 0)
            {
                var due = work.Sla is { } sla ? work.Hours.AddOpenTime(period.Zone, intervals[t].EndUtc, sla) : period.End;
                yield return new WorkArrival(t + 1, work.Arrivals[t] * work.HandleMinutes, Math.Max(t + 2, period.IndexOf(due)));
            }
        }
    }
}
