using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Staffing.Deferrable;
using BackOfficeCloud.Planning.Staffing.Planning;
using BackOfficeCloud.Planning.Staffing.Queueing;
using BackOfficeCloud.Planning.Staffing.Shrinkage;

namespace BackOfficeCloud.Planning.Staffing.Tests.Planning;

/// <summary>Small plans on one Amsterdam Monday (2026-06-08) with hourly intervals, office open 09:00–17:00.</summary>
internal static class PlanBuilder
{
    public static readonly TimeZoneInfo Amsterdam = LocalTime.FindZone("Europe/Amsterdam");

    public static readonly DateOnly Monday = new(2026, 6, 8);

    public static readonly OpenHours Office = OpenHours.Weekdays(
        new TimeOnly(9, 0), new TimeOnly(17, 0),
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

    public static PlanningHorizon Horizon(int days = 1, int intervalMinutes = 60) => new(Amsterdam, Monday, days, intervalMinutes);

    public static DateTimeOffset At(int hour, int day = 0) => LocalTime.ToUtc(Amsterdam, Monday.AddDays(day).ToDateTime(new TimeOnly(hour, 0)));

    public static DateTimeOffset Now => LocalTime.StartOfDay(Amsterdam, Monday);

    /// <summary>An Erlang C voice queue with <paramref name="volume"/> calls in every office hour.</summary>
    public static ImmediateQueue Voice(PlanningHorizon horizon, double volume, string name = "voice") =>
        new(name, QueueModelKind.ErlangC, new StaffingTarget(0.8, 20), [.. horizon.Intervals().Select(i => new IntervalForecast(Office.IsOpen(i) ? volume : 0, 180))]);

    public static DeferrableWorkType Claims(PlanningHorizon horizon, params BacklogItem[] backlog) =>
        new("claims", 10, Office, TimeSpan.FromHours(48), new double[horizon.Intervals().Count], backlog);

    public static RequirementsRequest Request(
        PlanningHorizon horizon, IReadOnlyList<ImmediateQueue> queues, IReadOnlyList<DeferrableWorkType> work, double idleShare = 0, IReadOnlyList<double>? cap = null) =>
        new(horizon, Now, queues, work, ShrinkageProfile.None, new BlendingPolicy(idleShare), cap);

    public static RequirementsResult Plan(RequirementsRequest request) => new RequirementsPlanner(RequirementsOptions.Default).Plan(request);
}
