using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Generation;

/// <summary>What to generate: staff size, horizon, interval length, number of skills, random seed.</summary>
public sealed record GeneratorSettings(int Employees, int Days, int IntervalMinutes, int Skills, int Seed)
{
    /// <summary>A Monday in Europe/Amsterdam whose week holds the spring-forward night (29 March 2026).</summary>
    public DateOnly FirstDay { get; init; } = new(2026, 3, 23);

    public string TimeZone { get; init; } = "Europe/Amsterdam";
}

/// <summary>
/// A realistic instance: the first skills are phone/chat queues with a two-peaked weekday profile (lighter Saturday,
/// closed Sunday), the rest back-office work arriving in office hours with a 24-hour deadline; full- and part-time
/// contracts with early and late start windows; a primary skill per employee plus, for half of them, a second at
/// lower proficiency; some days of leave, start preferences and one team training.
/// </summary>
public static class ScheduleProblemGenerator
{
    public static ScheduleProblem Generate(GeneratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Employees < 1 || settings.Days < 1 || settings.Skills < 2)
        {
            throw new ArgumentException($"employees = {settings.Employees}, days = {settings.Days}, skills = {settings.Skills}: need at least 1 employee, 1 day and 2 skills.", nameof(settings));
        }

        var random = new Random(settings.Seed);
        var zone = LocalTime.FindZone(settings.TimeZone);
        var m = settings.IntervalMinutes;
        var intervals = IntervalGrid.Build(zone, settings.FirstDay, settings.Days, m);
        var workCount = Math.Max(1, settings.Skills / 3);
        var queueCount = settings.Skills - workCount;
        var skills = Enumerable.Range(0, settings.Skills).Select(s => s < queueCount ? $"queue{s + 1}" : $"work{s - queueCount + 1}").ToList();

        // Average staff on duty is about a fifth of the head count (35 h of 168); about 70% of it goes to the queues.
        var onDuty = settings.Employees * 0.2;
        var queues = Enumerable.Range(0, queueCount).Select(q => new ImmediateQueue(
            skills[q],
            MissingAgentHourCost: 60 + (20 * q),
            RequiredAgents: [.. intervals.Select(i => Math.Round(onDuty * 0.7 * 2.4 / queueCount * Profile(i) * (0.9 + (0.2 * random.NextDouble())), 1))])).ToList();
        var work = Enumerable.Range(0, workCount).Select(w => new DeferrableWork(
            skills[queueCount + w],
            skills[queueCount + w],
            Arrivals(intervals, onDuty * 0.25 * m / workCount, m, random))).ToList();

        var breakMinutes = Math.Max(15, m);
        var rules = new ShiftRules(
            StartGranularityMinutes: m,
            AllowedLengthsMinutes: [240, 360, 480, 540],
            Breaks:
            [
                new BreakRule("morning", breakMinutes, 90, 150, 240, Paid: true),
                new BreakRule("lunch", 30, 180, 300, 360, Paid: false),
                new BreakRule("afternoon", breakMinutes, 330, 420, 480, Paid: true),
            ],
            MinActivityBlockMinutes: 60);
        var employees = Enumerable.Range(0, settings.Employees).Select(e => Employee(e, skills, settings, random)).ToList();
        return new ScheduleProblem(
            new Horizon(settings.TimeZone, settings.FirstDay, settings.Days, m),
            queues,
            work,
            employees,
            rules,
            new ObjectiveWeights(OverstaffedAgentHour: 5, OverdueWorkMinuteHour: 0.02, PreferenceViolation: 4, WholeWeekendWorked: 15, LateShift: 2, LateShiftEndsAfter: new TimeOnly(20, 0)));
    }

    /// <summary>Share of the peak requirement: two humps on weekdays 08–20, a low Saturday 09–17, closed Sunday.</summary>
    private static double Profile(PlanningInterval interval)
    {
        var hour = interval.LocalStart.Hour + (interval.LocalStart.Minute / 60.0);
        return interval.Weekday switch
        {
            DayOfWeek.Sunday => 0,
            DayOfWeek.Saturday => hour is >= 9 and < 17 ? 0.35 : 0,
            _ => hour is >= 8 and < 20 ? 0.45 + (0.55 * Math.Exp(-Math.Pow(hour - 10.5, 2) / 3)) + (0.4 * Math.Exp(-Math.Pow(hour - 14.5, 2) / 4)) : 0,
        };
    }

    private static List<WorkArrival> Arrivals(IReadOnlyList<PlanningInterval> intervals, double minutesPerInterval, int m, Random random)
    {
        var due = 24 * 60 / m;
        var arrivals = new List<WorkArrival>();
        for (var t = 0; t < intervals.Count; t++)
        {
            var i = intervals[t];
            if (i.Weekday is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && i.LocalStart.Hour is >= 8 and < 18)
            {
                arrivals.Add(new WorkArrival(t, Math.Round(minutesPerInterval * 1.7 * (0.7 + (0.6 * random.NextDouble()))), t + due));
            }
        }

        return arrivals;
    }

    private static Employee Employee(int index, List<string> skills, GeneratorSettings settings, Random random)
    {
        var primary = random.Next(skills.Count);
        var employeeSkills = new List<SkillLevel> { new(skills[primary], 1.0) };
        if (random.NextDouble() < 0.5)
        {
            var second = (primary + 1 + random.Next(skills.Count - 1)) % skills.Count;
            employeeSkills.Add(new SkillLevel(skills[second], 0.75));
        }

        var fullTime = random.NextDouble() < 0.7;
        var early = random.NextDouble() < 0.6;
        var (earliest, latest) = early ? (new TimeOnly(6, 0), new TimeOnly(10, 0)) : (new TimeOnly(10, 0), new TimeOnly(14, 0));
        var contract = fullTime
            ? new Contract(2160, 2400, 5, 5, 660, 480, 540, earliest, latest, 24)
            : new Contract(1080, 1440, 4, 4, 660, 240, 360, earliest, latest, 21);
        var timeOff = new List<TimeOff>();
        if (random.NextDouble() < 0.08)
        {
            var zone = LocalTime.FindZone(settings.TimeZone);
            var day = settings.FirstDay.AddDays(random.Next(settings.Days));
            timeOff.Add(new TimeOff(LocalTime.StartOfDay(zone, day), LocalTime.StartOfDay(zone, day.AddDays(1 + random.Next(2)))));
        }

        var preferences = random.NextDouble() < 0.3
            ? new Preferences(earliest, earliest.AddHours(2), random.NextDouble() < 0.5 ? [(DayOfWeek)random.Next(1, 6)] : [])
            : Preferences.None;
        var fixedActivities = new List<FixedActivity>();
        if (index % 25 == 0 && settings.Days >= 3)
        {
            var zone = LocalTime.FindZone(settings.TimeZone);
            var start = LocalTime.ToUtc(zone, settings.FirstDay.AddDays(2).ToDateTime(new TimeOnly(early ? 11 : 15, 0)));
            if (!timeOff.Any(t => t.Start < start.AddHours(1) && t.End > start))
            {
                fixedActivities.Add(new FixedActivity("training", start, start.AddHours(1)));
            }
        }

        return new Employee($"E{index + 1:D4}", $"team{(index / 15) + 1}", employeeSkills, contract, timeOff, preferences, fixedActivities);
    }
}
