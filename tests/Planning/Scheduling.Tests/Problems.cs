using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Tests;

/// <summary>Small hand-checkable problems: one local day in Amsterdam, 30-minute intervals unless told otherwise.</summary>
internal static class Problems
{
    public const string Zone = "Europe/Amsterdam";

    public static readonly DateOnly Monday = new(2026, 6, 1);

    public static TimeZoneInfo TimeZone => LocalTime.FindZone(Zone);

    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        LocalTime.ToUtc(TimeZone, day.ToDateTime(new TimeOnly(hour, minute)));

    public static Contract Contract(int minWeekly = 0, int maxWeekly = 2400, int earliest = 8, int latest = 8, int minShift = 240, int maxShift = 480, double hourlyCost = 10, int maxDays = 5, int maxConsecutive = 5, int rest = 660) =>
        new(minWeekly, maxWeekly, maxDays, maxConsecutive, rest, minShift, maxShift, new TimeOnly(earliest, 0), new TimeOnly(latest, 0), hourlyCost);

    public static Employee Employee(string id, Contract contract, params string[] skills) =>
        new(id, "team", [.. skills.Select(s => new SkillLevel(s, 1.0))], contract, [], Preferences.None, []);

    /// <summary>Agents required per interval: <paramref name="agents"/> from <paramref name="fromHour"/> to <paramref name="toHour"/>, 0 elsewhere.</summary>
    public static double[] Demand(int intervalsPerDay, int intervalMinutes, params (double FromHour, double ToHour, double Agents)[] blocks)
    {
        var demand = new double[intervalsPerDay];
        foreach (var (from, to, agents) in blocks)
        {
            for (var t = (int)(from * 60 / intervalMinutes); t < (int)(to * 60 / intervalMinutes); t++)
            {
                demand[t] = agents;
            }
        }

        return demand;
    }

    public static ScheduleProblem OneDay(
        IReadOnlyList<Employee> employees,
        IReadOnlyList<ImmediateQueue> queues,
        IReadOnlyList<DeferrableWork>? work = null,
        IReadOnlyList<int>? lengths = null,
        IReadOnlyList<BreakRule>? breaks = null,
        int days = 1,
        DateOnly? firstDay = null,
        int intervalMinutes = 30,
        int minBlock = 60) =>
        new(
            new Horizon(Zone, firstDay ?? Monday, days, intervalMinutes),
            queues,
            work ?? [],
            employees,
            new ShiftRules(intervalMinutes, lengths ?? [240, 480], breaks ?? [], minBlock),
            new ObjectiveWeights(OverstaffedAgentHour: 5, OverdueWorkMinuteHour: 0.1, PreferenceViolation: 3, WholeWeekendWorked: 10, LateShift: 1, LateShiftEndsAfter: new TimeOnly(20, 0)));
}
