using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Checking;

/// <summary>A broken hard rule: who, which rule, and what was found.</summary>
public sealed record Violation(string EmployeeId, string Rule, string Detail);

/// <summary>Verifies every hard rule of a schedule against its problem.</summary>
public interface IScheduleChecker
{
    IReadOnlyList<Violation> Check(ScheduleProblem problem, Schedule schedule);
}

/// <summary>
/// Checks a schedule from the problem's own definitions, on its own code path: it shares nothing with the solver but
/// the calendar grid, so a solver bug cannot hide itself.
/// </summary>
public sealed class ScheduleChecker : IScheduleChecker
{
    public IReadOnlyList<Violation> Check(ScheduleProblem problem, Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = LocalTime.FindZone(problem.Horizon.TimeZone);
        var grid = IntervalGrid.Build(zone, problem.Horizon.FirstDay, problem.Horizon.Days, problem.Horizon.IntervalMinutes);
        var boundaries = grid.Select(i => i.StartUtc).Append(grid.Count > 0 ? grid[^1].EndUtc : DateTimeOffset.MinValue).ToHashSet();
        var employees = problem.Employees.ToDictionary(e => e.Id);
        var violations = new List<Violation>();
        foreach (var unknown in schedule.Shifts.Where(s => !employees.ContainsKey(s.EmployeeId)).Select(s => s.EmployeeId).Distinct())
        {
            violations.Add(new Violation(unknown, "employee", "not in the problem"));
        }

        var context = new Context(problem, zone, boundaries, violations);
        foreach (var e in problem.Employees)
        {
            var shifts = schedule.Shifts.Where(s => s.EmployeeId == e.Id).OrderBy(s => s.Start).ToList();
            foreach (var shift in shifts)
            {
                CheckShift(context, e, shift);
                CheckActivities(context, e, shift);
            }

            CheckSequence(context, e, shifts);
            CheckWeeks(context, e, shifts);
            CheckFixedActivitiesPlaced(context, e, shifts);
        }

        return violations;
    }

    private sealed record Context(ScheduleProblem Problem, TimeZoneInfo Zone, HashSet<DateTimeOffset> Boundaries, List<Violation> Violations)
    {
        public void Add(Employee e, string rule, string detail) => Violations.Add(new Violation(e.Id, rule, detail));

        public DateTime Local(DateTimeOffset instant) => LocalTime.ToLocal(Zone, instant);
    }

    private static void CheckShift(Context x, Employee e, ScheduledShift shift)
    {
        var c = e.Contract;
        var rules = x.Problem.ShiftRules;
        var minutes = (int)(shift.End - shift.Start).TotalMinutes;
        var local = x.Local(shift.Start);
        var at = $"shift {local:yyyy-MM-dd HH:mm}";
        if (!x.Boundaries.Contains(shift.Start) || !x.Boundaries.Contains(shift.End))
        {
            x.Add(e, "horizon", $"{at}: starts or ends off the interval grid or outside the horizon");
        }

        if (!rules.AllowedLengthsMinutes.Contains(minutes) || minutes < c.MinShiftMinutes || minutes > c.MaxShiftMinutes)
        {
            x.Add(e, "shift length", $"{at}: {minutes} min is not an allowed length within {c.MinShiftMinutes}-{c.MaxShiftMinutes}");
        }

        var time = TimeOnly.FromDateTime(local);
        if (time < c.EarliestStart || time > c.LatestStart || ((local.Hour * 60) + local.Minute) % rules.StartGranularityMinutes != 0)
        {
            x.Add(e, "start time", $"{at}: outside {c.EarliestStart}-{c.LatestStart} or off the {rules.StartGranularityMinutes}-minute start grid");
        }

        foreach (var off in e.TimeOff.Where(t => t.Start < shift.End && t.End > shift.Start))
        {
            x.Add(e, "time off", $"{at}: overlaps time off {x.Local(off.Start):yyyy-MM-dd HH:mm}-{x.Local(off.End):yyyy-MM-dd HH:mm}");
        }
    }

    private static void CheckActivities(Context x, Employee e, ScheduledShift shift)
    {
        var at = $"shift {x.Local(shift.Start):yyyy-MM-dd HH:mm}";
        var segments = shift.Activities;
        var cursor = shift.Start;
        foreach (var s in segments)
        {
            if (s.Start != cursor || s.End <= s.Start || !x.Boundaries.Contains(s.End))
            {
                x.Add(e, "activities", $"{at}: segments must cover the shift back to back on the grid (gap, overlap or off-grid at {x.Local(s.Start):HH:mm})");
            }

            cursor = s.End;
            CheckActivityAllowed(x, e, at, s);
        }

        if (cursor != shift.End)
        {
            x.Add(e, "activities", $"{at}: segments end at {x.Local(cursor):HH:mm}, not at the shift end");
        }

        CheckBreaks(x, e, shift, at);
        var minBlock = x.Problem.ShiftRules.MinActivityBlockMinutes;
        for (var i = 1; i < segments.Count; i++)
        {
            var (a, b) = (segments[i - 1], segments[i]);
            var switched = IsWork(a) && IsWork(b) && (a.Kind, a.Name) != (b.Kind, b.Name);
            if (switched && ((a.End - a.Start).TotalMinutes < minBlock || (b.End - b.Start).TotalMinutes < minBlock))
            {
                x.Add(e, "activity block", $"{at}: switch at {x.Local(b.Start):HH:mm} next to a block shorter than {minBlock} min");
            }
        }
    }

    private static bool IsWork(ActivitySegment s) => s.Kind is ActivityKind.Phone or ActivityKind.BackOffice;

    private static void CheckActivityAllowed(Context x, Employee e, string at, ActivitySegment s)
    {
        var skills = e.Skills.Select(k => k.Skill).ToHashSet();
        var allowed = s.Kind switch
        {
            ActivityKind.Phone => x.Problem.Queues.Any(q => skills.Contains(q.Skill)),
            ActivityKind.BackOffice => x.Problem.WorkTypes.Any(w => w.Id == s.Name && skills.Contains(w.Skill)),
            ActivityKind.Break => x.Problem.ShiftRules.Breaks.Any(b => b.Name == s.Name),
            ActivityKind.Fixed => e.FixedActivities.Any(f => f.Name == s.Name && f.Start == s.Start && f.End == s.End),
            _ => false,
        };
        if (!allowed)
        {
            x.Add(e, "skill", $"{at}: {s.Kind} '{s.Name}' at {x.Local(s.Start):HH:mm} is not a skill, break or fixed activity of the employee");
        }
    }

    private static void CheckBreaks(Context x, Employee e, ScheduledShift shift, string at)
    {
        var minutes = (shift.End - shift.Start).TotalMinutes;
        var breaks = shift.Activities.Where(s => s.Kind == ActivityKind.Break).ToList();
        foreach (var rule in x.Problem.ShiftRules.Breaks)
        {
            var taken = breaks.Where(b => b.Name == rule.Name).ToList();
            var required = rule.MinShiftMinutes <= minutes;
            if (taken.Count != (required ? 1 : 0))
            {
                x.Add(e, "break", $"{at}: break '{rule.Name}' taken {taken.Count} times, {(required ? 1 : 0)} required");
                continue;
            }

            foreach (var b in taken)
            {
                var offset = (b.Start - shift.Start).TotalMinutes;
                if ((b.End - b.Start).TotalMinutes != rule.Minutes || offset < rule.EarliestStartOffsetMinutes || offset > rule.LatestStartOffsetMinutes)
                {
                    x.Add(e, "break", $"{at}: break '{rule.Name}' at +{offset} min for {(b.End - b.Start).TotalMinutes} min, rule is {rule.Minutes} min from +{rule.EarliestStartOffsetMinutes} to +{rule.LatestStartOffsetMinutes}");
                }
            }
        }
    }

    private static void CheckSequence(Context x, Employee e, List<ScheduledShift> shifts)
    {
        var c = e.Contract;
        var consecutive = 0;
        for (var i = 0; i < shifts.Count; i++)
        {
            var day = DateOnly.FromDateTime(x.Local(shifts[i].Start));
            if (i == 0)
            {
                consecutive = 1;
                continue;
            }

            var previousDay = DateOnly.FromDateTime(x.Local(shifts[i - 1].Start));
            var rest = (shifts[i].Start - shifts[i - 1].End).TotalMinutes;
            if (day == previousDay)
            {
                x.Add(e, "one shift a day", $"two shifts start on {day:yyyy-MM-dd}");
            }

            if (rest < c.MinRestMinutes)
            {
                x.Add(e, "rest", $"{rest} min between the shifts of {previousDay:yyyy-MM-dd} and {day:yyyy-MM-dd}, minimum {c.MinRestMinutes}");
            }

            consecutive = day.DayNumber - previousDay.DayNumber == 1 ? consecutive + 1 : 1;
            if (consecutive > c.MaxConsecutiveDays)
            {
                x.Add(e, "consecutive days", $"{consecutive} days in a row up to {day:yyyy-MM-dd}, maximum {c.MaxConsecutiveDays}");
            }
        }
    }

    private static void CheckWeeks(Context x, Employee e, List<ScheduledShift> shifts)
    {
        var c = e.Contract;
        var h = x.Problem.Horizon;
        for (var week = 0; week * 7 < h.Days; week++)
        {
            var first = h.FirstDay.AddDays(week * 7);
            var days = Enumerable.Range(0, Math.Min(7, h.Days - (week * 7))).Select(first.AddDays).ToList();
            var inWeek = shifts.Where(s => days.Contains(DateOnly.FromDateTime(x.Local(s.Start)))).ToList();
            var paid = inWeek.Sum(s => PaidMinutes(x.Problem.ShiftRules, (int)(s.End - s.Start).TotalMinutes));
            var available = days.Count(d => !e.TimeOff.Any(t => t.Start <= LocalTime.StartOfDay(x.Zone, d) && t.End >= LocalTime.StartOfDay(x.Zone, d.AddDays(1))));
            var minimum = c.MinWeeklyPaidMinutes * available / 7;
            if (inWeek.Count > c.MaxDaysPerWeek)
            {
                x.Add(e, "days per week", $"week of {first:yyyy-MM-dd}: {inWeek.Count} days, maximum {c.MaxDaysPerWeek}");
            }

            if (paid > c.MaxWeeklyPaidMinutes || paid < minimum)
            {
                x.Add(e, "weekly paid time", $"week of {first:yyyy-MM-dd}: {paid} paid min outside {minimum}-{c.MaxWeeklyPaidMinutes}");
            }
        }
    }

    private static int PaidMinutes(ShiftRules rules, int minutes) =>
        minutes - rules.Breaks.Where(b => !b.Paid && b.MinShiftMinutes <= minutes).Sum(b => b.Minutes);

    private static void CheckFixedActivitiesPlaced(Context x, Employee e, List<ScheduledShift> shifts)
    {
        foreach (var f in e.FixedActivities)
        {
            var placed = shifts.SelectMany(s => s.Activities).Any(s => s.Kind == ActivityKind.Fixed && s.Name == f.Name && s.Start == f.Start && s.End == f.End);
            if (!placed)
            {
                x.Add(e, "fixed activity", $"'{f.Name}' at {x.Local(f.Start):yyyy-MM-dd HH:mm} is not in the schedule");
            }
        }
    }
}
