using System.Globalization;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.ServiceDefaults.Validation;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>
/// Sensible defaults for every setting a tenant left unset, so a tenant with only forecasts and a roster can plan, and
/// the checks that name a bad field before any engine sees it.
/// </summary>
public static class PlanningSettingsDefaults
{
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    /// <summary>A copy with every unset field defaulted (the time zone only when <paramref name="fallbackZone"/> is given).</summary>
    public static PlanningSettings Complete(PlanningSettings? settings, string? fallbackZone = null)
    {
        var complete = settings?.Clone() ?? new PlanningSettings();
        if (!complete.HasTimeZone && fallbackZone is not null)
        {
            complete.TimeZone = fallbackZone;
        }

        if (complete.Shrinkage.Count == 0)
        {
            complete.Shrinkage.Add(new ShrinkageFactor { Name = "breaks", Fraction = 0.1, Planned = true });
            complete.Shrinkage.Add(new ShrinkageFactor { Name = "absence", Fraction = 0.05, Planned = false });
        }

        if (!complete.HasBlendingEnabled)
        {
            complete.BlendingEnabled = true;
        }

        if (!complete.HasIdleShare)
        {
            complete.IdleShare = 0.5;
        }

        if (complete.BackOfficeHours.Count == 0)
        {
            complete.BackOfficeHours.AddRange(Weekdays.Select(d => new OpenRange { Weekday = d, Open = "08:00", Close = "18:00" }));
        }

        complete.ShiftRules ??= DefaultShiftRules();
        if (complete.Contracts.Count == 0)
        {
            complete.Contracts.Add(Contract("full_time", 1920, 2400, 360, 540, 25));
            complete.Contracts.Add(Contract("part_time", 960, 1440, 240, 360, 22));
        }

        if (!complete.HasMissingAgentHourCost)
        {
            complete.MissingAgentHourCost = 80;
        }

        return complete;
    }

    /// <summary>Throws a <see cref="ValidationException"/> naming every field no plan can use.</summary>
    public static void Validate(PlanningSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var violations = new List<FieldViolation>();
        if (settings.HasTimeZone && !IsZone(settings.TimeZone))
        {
            violations.Add(new("time_zone", $"'{settings.TimeZone}' is not a known time zone"));
        }

        foreach (var (factor, i) in settings.Shrinkage.Select((f, i) => (f, i)).Where(x => !(x.f.Fraction >= 0 && x.f.Fraction < 1)))
        {
            violations.Add(new($"shrinkage[{i}].fraction", $"{factor.Fraction} must be at least 0 and below 1"));
        }

        if (settings.HasIdleShare && !(settings.IdleShare >= 0 && settings.IdleShare <= 1))
        {
            violations.Add(new("idle_share", $"{settings.IdleShare} must be between 0 and 1"));
        }

        foreach (var (range, i) in settings.BackOfficeHours.Select((r, i) => (r, i)))
        {
            if (!Enum.TryParse<DayOfWeek>(range.Weekday, ignoreCase: true, out _))
            {
                violations.Add(new($"back_office_hours[{i}].weekday", $"'{range.Weekday}' is not a weekday"));
            }

            if (!TryTime(range.Open, out _) || (range.Close != "24:00" && !TryTime(range.Close, out _)))
            {
                violations.Add(new($"back_office_hours[{i}]", $"open '{range.Open}' and close '{range.Close}' must be HH:mm"));
            }
        }

        foreach (var (contract, i) in settings.Contracts.Select((c, i) => (c, i)))
        {
            if (!TryTime(contract.EarliestStart, out _) || !TryTime(contract.LatestStart, out _))
            {
                violations.Add(new($"contracts[{i}]", $"earliest_start '{contract.EarliestStart}' and latest_start '{contract.LatestStart}' must be HH:mm"));
            }
        }

        if (settings.HasMissingAgentHourCost && !(settings.MissingAgentHourCost >= 0))
        {
            violations.Add(new("missing_agent_hour_cost", $"{settings.MissingAgentHourCost} must not be negative"));
        }

        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }
    }

    public static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool IsZone(string id)
    {
        try
        {
            _ = LocalTime.FindZone(id);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static ShiftRules DefaultShiftRules() => new()
    {
        StartGranularityMinutes = 30,
        AllowedLengthsMinutes = { 240, 360, 480, 540 },
        Breaks = { new BreakRule { Name = "lunch", Minutes = 30, EarliestStartOffsetMinutes = 180, LatestStartOffsetMinutes = 300, MinShiftMinutes = 360, Paid = false } },
        MinActivityBlockMinutes = 60,
    };

    private static ContractTemplate Contract(string name, int minWeekly, int maxWeekly, int minShift, int maxShift, double hourlyCost) => new()
    {
        Name = name,
        MinWeeklyPaidMinutes = minWeekly,
        MaxWeeklyPaidMinutes = maxWeekly,
        MaxDaysPerWeek = 5,
        MaxConsecutiveDays = 5,
        MinRestMinutes = 660,
        MinShiftMinutes = minShift,
        MaxShiftMinutes = maxShift,
        EarliestStart = "06:00",
        LatestStart = "14:00",
        HourlyCost = hourlyCost,
    };
}
