using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using EngineShrinkage = BackOfficeCloud.Planning.Staffing.Shrinkage.ShrinkageFactor;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Staffing.Deferrable;
using BackOfficeCloud.Planning.Staffing.Planning;
using BackOfficeCloud.Planning.Staffing.Queueing;
using BackOfficeCloud.Planning.Staffing.Shrinkage;
using BackOfficeCloud.Scheduling.Storage;
using BackOfficeCloud.ServiceDefaults.Validation;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>
/// Turns the stored inputs into the staffing engine's request: immediate queues from their forecasts (Erlang C, the
/// roster's target and concurrency), deferrable queues from their forecast arrivals plus the open backlog, each due
/// by its own due time or the queue's SLA in business hours: the queue's roster open hours and closed dates when it
/// has them (read on the plan's local calendar), else the tenant's back-office hours.
/// </summary>
public static class RequirementsRequestBuilder
{
    /// <summary>Target of an immediate queue whose roster entry names none: 80% within 20 s.</summary>
    private static readonly StaffingTarget DefaultTarget = new(0.8, 20);

    public static RequirementsRequest Build(PlanningInputs inputs, PlanningPeriod period, IReadOnlyList<string> queueNames, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(queueNames);
        var queues = Selected(inputs, queueNames);
        var settings = inputs.Settings;
        var immediate = queues.Where(q => !q.Deferrable).Select(q => Immediate(q, Forecast(inputs, q.Queue, period))).ToList();
        var deferrable = queues.Where(q => q.Deferrable)
            .Select(q => Deferrable(
                q, Forecast(inputs, q.Queue, period), inputs.Backlog.Where(i => i.BelongsTo(q.Queue)).ToList(), DueHours(q, settings), period, now))
            .ToList();
        return new RequirementsRequest(
            period.Horizon,
            now,
            immediate,
            deferrable,
            new ShrinkageProfile([.. settings.Shrinkage.Select(f => new EngineShrinkage(f.Name, f.Fraction, f.Planned))]),
            new BlendingPolicy(settings.BlendingEnabled ? settings.IdleShare : 0));
    }

    /// <summary>The business hours a deferrable queue's deadlines count in: its roster hours, else the tenant's back-office hours.</summary>
    public static OpenHours DueHours(RosterQueueUpdated? queue, PlanningSettings settings) =>
        (queue is null ? null : RosterHours.Of(queue.OpenHours, queue.ClosedDates)) ?? BackOfficeHours(settings);

    private static OpenHours BackOfficeHours(PlanningSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new OpenHours(settings.BackOfficeHours
            .GroupBy(r => Enum.Parse<DayOfWeek>(r.Weekday, ignoreCase: true))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TimeRange>)[.. g.Select(r => new TimeRange(Time(r.Open), Time(r.Close)))]));
    }

    private static TimeOnly Time(string text) =>
        text == "24:00" ? TimeOnly.MinValue : PlanningSettingsDefaults.TryTime(text, out var time) ? time : throw new ValidationException("back_office_hours", $"'{text}' is not HH:mm");

    private static List<RosterQueueUpdated> Selected(PlanningInputs inputs, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return inputs.Queues.Count > 0
                ? [.. inputs.Queues.Values]
                : throw new ValidationException("queues", "the tenant has no roster queues yet: ingest the roster (queues and agents) first");
        }

        return [.. names.Select((name, i) => inputs.Queues.TryGetValue(name, out var q) ? q : throw new ValidationException($"queues[{i}]", $"'{name}' is not a roster queue of this tenant"))];
    }

    private static ImmediateQueue Immediate(RosterQueueUpdated queue, IntervalForecast[] forecast)
    {
        var target = queue.TargetServiceLevel == 0 && queue.TargetSeconds == 0
            ? DefaultTarget
            : new StaffingTarget(queue.TargetServiceLevel, queue.TargetSeconds);
        try
        {
            target.Validate();
        }
        catch (ArgumentException error)
        {
            throw new ValidationException($"queues[{queue.Queue}].target_service_level", error.Message);
        }

        return new ImmediateQueue(queue.Queue, QueueModelKind.ErlangC, target, forecast, Concurrency: Math.Max(1, queue.Concurrency));
    }

    private static DeferrableWorkType Deferrable(
        RosterQueueUpdated queue, IntervalForecast[] forecast, IReadOnlyList<OpenWorkItem> backlog, OpenHours hours, PlanningPeriod period, DateTimeOffset now)
    {
        var forecastVolume = forecast.Sum(f => f.Volume);
        var handleMinutes = forecastVolume > 0 ? forecast.Sum(f => f.Volume * f.AhtSeconds) / forecastVolume / 60
            : backlog.Count > 0 ? backlog.Average(i => i.EffortMinutes)
            : 1;
        if (!(handleMinutes > 0))
        {
            throw new ValidationException($"forecasts[{queue.Queue}].handle_seconds", $"the forecast's mean handle time {handleMinutes * 60} s must be above 0");
        }

        TimeSpan? sla = queue.DeadlineBusinessHours > 0 ? TimeSpan.FromHours(queue.DeadlineBusinessHours) : null;
        // Work already overdue cannot be planned before its deadline: it is due as soon as the period's first interval ends.
        var earliestDue = new[] { period.Intervals[0].EndUtc, now.AddTicks(1) }.Max();
        DateTimeOffset Due(OpenWorkItem item)
        {
            var due = item.DueAt ?? (sla is { } s ? hours.AddOpenTime(period.Zone, item.CreatedAt, s) : period.End);
            return due < earliestDue ? earliestDue : due;
        }

        // An item stamped after now (clock skew between systems) counts as arrived now.
        var items = backlog.Select(i => new BacklogItem(i.Id, i.CreatedAt < now ? i.CreatedAt : now, Due(i), i.EffortMinutes / handleMinutes)).ToList();
        return new DeferrableWorkType(queue.Queue, handleMinutes, hours, sla, [.. forecast.Select(f => f.Volume)], items);
    }

    /// <summary>The queue's latest forecast summed onto the period's intervals (volume-weighted handle time); zero where it has none.</summary>
    private static IntervalForecast[] Forecast(PlanningInputs inputs, string queue, PlanningPeriod period)
    {
        var volume = new double[period.Intervals.Count];
        var work = new double[period.Intervals.Count];
        if (inputs.Forecasts.TryGetValue(queue, out var forecast))
        {
            foreach (var interval in forecast.Intervals.Where(i => i.Start is not null && i.Volume > 0))
            {
                var t = period.IndexOf(interval.Start.ToDateTimeOffset());
                if (t < period.Intervals.Count && interval.Start.ToDateTimeOffset() >= period.Start)
                {
                    volume[t] += interval.Volume;
                    work[t] += interval.Volume * interval.HandleSeconds;
                }
            }
        }

        return [.. volume.Select((v, t) => new IntervalForecast(v, v > 0 ? work[t] / v : 0))];
    }
}
