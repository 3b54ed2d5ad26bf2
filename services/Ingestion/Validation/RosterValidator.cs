using System.Collections.Frozen;
using BackOfficeCloud.Contracts.Ingestion.V1;

namespace BackOfficeCloud.Ingestion.Validation;

public static class RosterValidator
{
    private static readonly FrozenSet<string> DayNames = Enum.GetNames<DayOfWeek>().ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static void Validate(RosterAgent agent, RowErrors errors)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(errors);
        FieldChecks.Id(agent.AgentId, "agent_id", errors);
        FieldChecks.Text(agent.Name, "name", errors);
        FieldChecks.Id(agent.Team, "team", errors, required: false);
        FieldChecks.TimeZone(agent.TimeZone, "time_zone", errors, required: false);
        for (var i = 0; i < agent.Skills.Count; i++)
        {
            FieldChecks.Id(agent.Skills[i].Name, $"skills[{i}].name", errors);
            if (agent.Skills[i].Proficiency is <= 0 or > 2 || double.IsNaN(agent.Skills[i].Proficiency))
            {
                errors.Fail($"skills[{i}].proficiency", agent.Skills[i].Proficiency, "must be more than 0 and at most 2 (1 = full speed)");
            }
        }

        if (agent.Contract is { } contract)
        {
            ValidateContract(contract, errors);
        }

        WeeklyRanges(agent.Availability, "availability", errors);
        for (var i = 0; i < agent.TimeOff.Count; i++)
        {
            var start = FieldChecks.PlannedInstant(agent.TimeOff[i].Start, $"time_off[{i}].start", errors, required: true);
            var end = FieldChecks.PlannedInstant(agent.TimeOff[i].End, $"time_off[{i}].end", errors, required: true);
            FieldChecks.NotBefore(end, start, $"time_off[{i}].end", $"time_off[{i}].start", errors);
        }

        if (agent.Preferences is { } preferences)
        {
            ValidatePreferences(preferences, errors);
        }
    }

    public static void Validate(RosterQueue queue, RowErrors errors)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(errors);
        FieldChecks.Id(queue.Queue, "queue", errors);
        FieldChecks.Defined(queue.Channel, "channel", errors);
        FieldChecks.TimeZone(queue.TimeZone, "time_zone", errors, required: true);
        if (queue.TargetServiceLevel is < 0 or > 1 || double.IsNaN(queue.TargetServiceLevel))
        {
            errors.Fail("target_service_level", queue.TargetServiceLevel, "must be a fraction between 0 and 1");
        }

        FieldChecks.NonNegative(queue.TargetSeconds, "target_seconds", errors);
        FieldChecks.NonNegative(queue.DeadlineBusinessHours, "deadline_business_hours", errors);
        FieldChecks.NonNegative(queue.Concurrency, "concurrency", errors);
        if (queue.Deferrable && queue.DeadlineBusinessHours <= 0)
        {
            errors.Fail("deadline_business_hours", queue.DeadlineBusinessHours, "is required (> 0) for a deferrable queue");
        }

        WeeklyRanges(queue.OpenHours, "open_hours", errors);
        for (var i = 0; i < queue.ClosedDates.Count; i++)
        {
            FieldChecks.Date(queue.ClosedDates[i], $"closed_dates[{i}]", errors);
        }
    }

    private static void ValidateContract(Contract contract, RowErrors errors)
    {
        FieldChecks.Text(contract.Name, "contract.name", errors, FieldChecks.MaxIdLength);
        FieldChecks.NonNegative(contract.MinWeeklyHours, "contract.min_weekly_hours", errors);
        FieldChecks.NonNegative(contract.MaxWeeklyHours, "contract.max_weekly_hours", errors);
        FieldChecks.NonNegative(contract.MinRestHours, "contract.min_rest_hours", errors);
        FieldChecks.NonNegative(contract.MinShiftHours, "contract.min_shift_hours", errors);
        FieldChecks.NonNegative(contract.MaxShiftHours, "contract.max_shift_hours", errors);
        if (contract.MaxWeeklyHours < contract.MinWeeklyHours)
        {
            errors.Fail("contract.max_weekly_hours", contract.MaxWeeklyHours, "is less than min_weekly_hours");
        }

        if (contract.MaxShiftHours < contract.MinShiftHours)
        {
            errors.Fail("contract.max_shift_hours", contract.MaxShiftHours, "is less than min_shift_hours");
        }

        if (contract.MaxDaysPerWeek is < 0 or > 7)
        {
            errors.Fail("contract.max_days_per_week", contract.MaxDaysPerWeek, "must be 0 to 7");
        }

        if (contract.MaxConsecutiveDays < 0)
        {
            errors.Fail("contract.max_consecutive_days", contract.MaxConsecutiveDays, "must not be negative (0 = no limit of its own)");
        }

        var earliest = string.IsNullOrEmpty(contract.EarliestStart) ? null : FieldChecks.TimeOfDay(contract.EarliestStart, "contract.earliest_start", errors);
        var latest = string.IsNullOrEmpty(contract.LatestStart) ? null : FieldChecks.TimeOfDay(contract.LatestStart, "contract.latest_start", errors);
        if (earliest > latest)
        {
            errors.Fail("contract.latest_start", contract.LatestStart, "is before earliest_start");
        }
    }

    private static void ValidatePreferences(AgentPreferences preferences, RowErrors errors)
    {
        if (string.IsNullOrEmpty(preferences.StartFrom) != string.IsNullOrEmpty(preferences.StartTo))
        {
            var missing = string.IsNullOrEmpty(preferences.StartFrom) ? "preferences.start_from" : "preferences.start_to";
            errors.Fail(missing, "", "is required when the other end of the preferred start window is given");
        }
        else if (!string.IsNullOrEmpty(preferences.StartFrom))
        {
            var from = FieldChecks.TimeOfDay(preferences.StartFrom, "preferences.start_from", errors);
            var to = FieldChecks.TimeOfDay(preferences.StartTo, "preferences.start_to", errors);
            if (from > to)
            {
                errors.Fail("preferences.start_to", preferences.StartTo, "is before start_from");
            }
        }

        for (var i = 0; i < preferences.DaysOff.Count; i++)
        {
            if (!DayNames.Contains(preferences.DaysOff[i]))
            {
                errors.Fail($"preferences.days_off[{i}]", preferences.DaysOff[i], "is not a day name (monday … sunday)");
            }
        }
    }

    private static void WeeklyRanges(IReadOnlyList<WeeklyRange> ranges, string field, RowErrors errors)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            var name = $"{field}[{i}]";
            if (ranges[i].DayOfWeek is < 1 or > 7)
            {
                errors.Fail($"{name}.day_of_week", ranges[i].DayOfWeek, "must be 1 (Monday) to 7 (Sunday)");
            }

            var from = FieldChecks.TimeOfDay(ranges[i].From, $"{name}.from", errors);
            var to = FieldChecks.TimeOfDay(ranges[i].To, $"{name}.to", errors, endOfDay: true);
            if (from >= to)
            {
                errors.Fail($"{name}.to", ranges[i].To, "is not after from");
            }
        }
    }
}
