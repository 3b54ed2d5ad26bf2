namespace BackOfficeCloud.Planning.Scheduling.Model;

public sealed record Employee(
    string Id,
    string Team,
    IReadOnlyList<SkillLevel> Skills,
    Contract Contract,
    IReadOnlyList<TimeOff> TimeOff,
    Preferences Preferences,
    IReadOnlyList<FixedActivity> FixedActivities);

/// <summary>A skill and the share of a fully proficient agent's output the employee delivers in it (0 &lt; p ≤ 1).</summary>
public sealed record SkillLevel(string Skill, double Proficiency);

/// <summary>
/// Contract rules; weeks are the 7-day blocks from the horizon's first day, and a week cut short by the horizon or by
/// whole days off has its minimum paid time reduced pro rata.
/// </summary>
public sealed record Contract(
    int MinWeeklyPaidMinutes,
    int MaxWeeklyPaidMinutes,
    int MaxDaysPerWeek,
    int MaxConsecutiveDays,
    int MinRestMinutes,
    int MinShiftMinutes,
    int MaxShiftMinutes,
    TimeOnly EarliestStart,
    TimeOnly LatestStart,
    double HourlyCost);

/// <summary>An absence (leave, unavailability) during which the employee may not work.</summary>
public sealed record TimeOff(DateTimeOffset Start, DateTimeOffset End);

/// <summary>Soft wishes; a shift starting outside the window or on a preferred day off costs a preference violation.</summary>
public sealed record Preferences(TimeOnly? StartFrom, TimeOnly? StartTo, IReadOnlyList<DayOfWeek> DaysOff)
{
    public static Preferences None { get; } = new(null, null, []);
}

/// <summary>A meeting or training that must be placed as is; the employee works a shift around it.</summary>
public sealed record FixedActivity(string Name, DateTimeOffset Start, DateTimeOffset End);
