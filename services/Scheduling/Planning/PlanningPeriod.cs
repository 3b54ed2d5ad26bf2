using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Staffing.Planning;
using BackOfficeCloud.ServiceDefaults.Validation;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>The whole local days covering a requested period, laid out as planning intervals on the tenant's calendar.</summary>
public sealed record PlanningPeriod(TimeZoneInfo Zone, PlanningHorizon Horizon, IReadOnlyList<PlanningInterval> Intervals)
{
    /// <summary>Longest period planned in one call (the schedule optimiser's horizon is at most six weeks).</summary>
    public const int MaxDays = 42;

    public DateTimeOffset Start => Intervals[0].StartUtc;

    public DateTimeOffset End => Intervals[^1].EndUtc;

    public static PlanningPeriod Of(ComputeRequirementsRequest request, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PeriodStart is null)
        {
            throw new ValidationException("period_start", "is required");
        }

        if (request.PeriodEnd is null)
        {
            throw new ValidationException("period_end", "is required");
        }

        var start = request.PeriodStart.ToDateTimeOffset();
        var end = request.PeriodEnd.ToDateTimeOffset();
        if (end <= start)
        {
            throw new ValidationException("period_end", $"{end:O} must be after period_start {start:O}");
        }

        if (!IntervalGrid.SupportedLengths.Contains(request.IntervalMinutes))
        {
            throw new ValidationException("interval_minutes", $"{request.IntervalMinutes} must be one of {string.Join(", ", IntervalGrid.SupportedLengths)}");
        }

        var zone = LocalTime.FindZone(timeZone);
        var firstDay = DateOnly.FromDateTime(LocalTime.ToLocal(zone, start));
        var lastDay = DateOnly.FromDateTime(LocalTime.ToLocal(zone, end.AddTicks(-1)));
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        if (days > MaxDays)
        {
            throw new ValidationException("period_end", $"the period covers {days} local days; at most {MaxDays} are planned at once");
        }

        var horizon = new PlanningHorizon(zone, firstDay, days, request.IntervalMinutes);
        return new PlanningPeriod(zone, horizon, horizon.Intervals());
    }

    /// <summary>Index of the interval containing <paramref name="instant"/>, clamped to the period.</summary>
    public int IndexOf(DateTimeOffset instant)
    {
        for (var t = 0; t < Intervals.Count; t++)
        {
            if (Intervals[t].EndUtc > instant)
            {
                return t;
            }
        }

        return Intervals.Count;
    }
}
