using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Scheduling.Storage;
using Google.Protobuf.WellKnownTypes;
using ApiSchedule = BackOfficeCloud.Contracts.Scheduling.V1.Schedule;
using EngineSegment = BackOfficeCloud.Planning.Scheduling.Model.ActivitySegment;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>A stored schedule version as the API's schedule and as the event that publishes it.</summary>
public static class ScheduleMapper
{
    public static ApiSchedule ToApi(StoredSchedule stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var result = stored.Result;
        var horizon = stored.Problem.Horizon;
        var grid = IntervalGrid.Build(LocalTime.FindZone(horizon.TimeZone), horizon.FirstDay, horizon.Days, horizon.IntervalMinutes);
        var o = result.Objective;
        return new ApiSchedule
        {
            ScheduleId = stored.ScheduleId.ToString(),
            Version = stored.Version,
            PlanId = stored.PlanId.ToString(),
            JobId = stored.JobId.ToString(),
            Status = result.Status.ToString().ToLowerInvariant(),
            PeriodStart = Timestamp.FromDateTimeOffset(grid[0].StartUtc),
            PeriodEnd = Timestamp.FromDateTimeOffset(grid[^1].EndUtc),
            TimeZone = horizon.TimeZone,
            IntervalMinutes = horizon.IntervalMinutes,
            Shifts = { Shifts(result.Schedule) },
            Objective = new Contracts.Scheduling.V1.ObjectiveParts
            {
                UnderCoverage = o.UnderCoverage,
                OverCoverage = o.OverCoverage,
                DeadlineShortfall = o.DeadlineShortfall,
                PaidHours = o.PaidHours,
                Preferences = o.Preferences,
                Fairness = o.Fairness,
                Total = o.Total,
            },
            LowerBound = result.LowerBound,
            Gap = result.Gap,
            Iterations = result.Iterations,
            ElapsedSeconds = result.Elapsed.TotalSeconds,
            Coverage = { result.Coverage.Select(c => new Contracts.Scheduling.V1.QueueCoverage { Skill = c.Skill, Required = { c.Required }, Covered = { c.Covered } }) },
            Deadlines =
            {
                result.Deadlines.Select(d => new Contracts.Scheduling.V1.WorkShortfall
                {
                    WorkType = d.WorkType,
                    OverdueMinuteHours = d.OverdueMinuteHours,
                    MaxOverdueMinutes = d.MaxOverdueMinutes,
                    UnfinishedMinutes = d.UnfinishedMinutes,
                }),
            },
            Violations = { stored.Violations },
            PublishedAt = stored.PublishedAt is { } published ? Timestamp.FromDateTimeOffset(published) : null,
        };
    }

    public static SchedulePublished ToEvent(ApiSchedule schedule) => new()
    {
        ScheduleId = schedule.ScheduleId,
        PeriodStart = schedule.PeriodStart,
        PeriodEnd = schedule.PeriodEnd,
        Shifts = { schedule.Shifts },
        Objective = schedule.Objective.Total,
        LowerBound = schedule.LowerBound,
        Gap = schedule.Gap,
        Version = schedule.Version,
        TimeZone = schedule.TimeZone,
        PlanId = schedule.PlanId,
    };

    private static IEnumerable<EmployeeShift> Shifts(Schedule schedule) =>
        schedule.Shifts.Select(s => new EmployeeShift
        {
            EmployeeId = s.EmployeeId,
            Start = Timestamp.FromDateTimeOffset(s.Start),
            End = Timestamp.FromDateTimeOffset(s.End),
            Segments = { s.Activities.Select(Segment) },
        });

    private static Contracts.Events.V1.ActivitySegment Segment(EngineSegment a) => new()
    {
        Start = Timestamp.FromDateTimeOffset(a.Start),
        End = Timestamp.FromDateTimeOffset(a.End),
        Activity = a.Kind switch
        {
            ActivityKind.Phone => "phone",
            ActivityKind.BackOffice => "back_office",
            ActivityKind.Break => "break",
            _ => "fixed",
        },
        Skill = a.Kind == ActivityKind.BackOffice ? a.Name : "",
        Name = a.Kind is ActivityKind.Break or ActivityKind.Fixed ? a.Name : "",
    };
}
