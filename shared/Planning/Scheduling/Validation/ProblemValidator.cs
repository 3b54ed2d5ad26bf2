using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Validation;

/// <summary>Rejects a problem the solver cannot honour, with a message naming the field and its value.</summary>
public static class ProblemValidator
{
    public static void Validate(ScheduleProblem problem, int intervalCount)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var m = problem.Horizon.IntervalMinutes;
        if (m is not (15 or 30))
        {
            Fail("horizon.interval_minutes", m, "must be 15 or 30");
        }

        if (problem.Horizon.Days is < 1 or > 42)
        {
            Fail("horizon.days", problem.Horizon.Days, "must be 1 to 42");
        }

        ValidateRules(problem.ShiftRules, m);
        var weights = problem.Weights;
        if (new[] { weights.OverstaffedAgentHour, weights.OverdueWorkMinuteHour, weights.PreferenceViolation, weights.WholeWeekendWorked, weights.LateShift }.Any(v => v < 0 || !double.IsFinite(v)))
        {
            Fail("weights", weights, "every weight must be finite and non-negative");
        }

        var queueSkills = new HashSet<string>();
        foreach (var q in problem.Queues)
        {
            if (!queueSkills.Add(q.Skill))
            {
                Fail("queues.skill", q.Skill, "appears twice");
            }

            if (q.RequiredAgents.Count != intervalCount)
            {
                Fail($"queues[{q.Skill}].required_agents", q.RequiredAgents.Count, $"must have one value per interval ({intervalCount})");
            }

            if (q.RequiredAgents.Any(r => r < 0 || !double.IsFinite(r)) || q.MissingAgentHourCost < 0)
            {
                Fail($"queues[{q.Skill}]", q.Skill, "requirements and missing_agent_hour_cost must be finite and non-negative");
            }
        }

        var workSkills = new HashSet<string>();
        foreach (var w in problem.WorkTypes)
        {
            workSkills.Add(w.Skill);
            foreach (var a in w.Arrivals)
            {
                if (a.Interval < 0 || a.Interval >= intervalCount || a.DueInterval <= a.Interval || a.Minutes < 0)
                {
                    Fail($"work_types[{w.Id}].arrivals", $"{a.Interval}->{a.DueInterval}:{a.Minutes}", $"needs 0 <= interval < {intervalCount}, due_interval > interval, minutes >= 0");
                }
            }
        }

        var ids = new HashSet<string>();
        foreach (var e in problem.Employees)
        {
            if (!ids.Add(e.Id))
            {
                Fail("employees.id", e.Id, "appears twice");
            }

            ValidateEmployee(e, problem, queueSkills, workSkills);
        }
    }

    private static void ValidateRules(ShiftRules rules, int m)
    {
        if (rules.StartGranularityMinutes <= 0 || rules.StartGranularityMinutes % m != 0)
        {
            Fail("shift_rules.start_granularity_minutes", rules.StartGranularityMinutes, $"must be a positive multiple of {m}");
        }

        if (rules.AllowedLengthsMinutes.Count == 0 || rules.AllowedLengthsMinutes.Any(l => l <= 0 || l % m != 0 || l > 16 * 60))
        {
            Fail("shift_rules.allowed_lengths_minutes", string.Join(',', rules.AllowedLengthsMinutes), $"must be positive multiples of {m} up to 16 hours");
        }

        if (rules.MinActivityBlockMinutes < 0)
        {
            Fail("shift_rules.min_activity_block_minutes", rules.MinActivityBlockMinutes, "must not be negative");
        }

        var ordered = rules.Breaks.OrderBy(b => b.EarliestStartOffsetMinutes).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var b = ordered[i];
            if (b.Minutes <= 0 || b.Minutes % m != 0 || b.EarliestStartOffsetMinutes % m != 0 || b.LatestStartOffsetMinutes % m != 0
                || b.EarliestStartOffsetMinutes < 0 || b.LatestStartOffsetMinutes < b.EarliestStartOffsetMinutes)
            {
                Fail($"shift_rules.breaks[{b.Name}]", $"{b.Minutes}@{b.EarliestStartOffsetMinutes}-{b.LatestStartOffsetMinutes}", $"length and offsets must be multiples of {m}, earliest <= latest");
            }

            if (i > 0 && ordered[i - 1].LatestStartOffsetMinutes + ordered[i - 1].Minutes > b.EarliestStartOffsetMinutes)
            {
                Fail($"shift_rules.breaks[{b.Name}]", b.EarliestStartOffsetMinutes, $"window overlaps the window of break '{ordered[i - 1].Name}'");
            }
        }
    }

    private static void ValidateEmployee(Employee e, ScheduleProblem problem, HashSet<string> queueSkills, HashSet<string> workSkills)
    {
        var c = e.Contract;
        if (e.Skills.Count == 0 || e.Skills.Any(s => s.Proficiency is <= 0 or > 1 || !(queueSkills.Contains(s.Skill) || workSkills.Contains(s.Skill))))
        {
            Fail($"employees[{e.Id}].skills", string.Join(',', e.Skills.Select(s => $"{s.Skill}:{s.Proficiency}")), "need at least one known queue or work-type skill, proficiency in (0, 1]");
        }

        if (c.MinWeeklyPaidMinutes < 0 || c.MaxWeeklyPaidMinutes < c.MinWeeklyPaidMinutes)
        {
            Fail($"employees[{e.Id}].contract.max_weekly_paid_minutes", c.MaxWeeklyPaidMinutes, $"must be >= min_weekly_paid_minutes ({c.MinWeeklyPaidMinutes}) >= 0");
        }

        if (c.MaxDaysPerWeek is < 0 or > 7 || c.MaxConsecutiveDays < 1 || c.MinRestMinutes < 0)
        {
            Fail($"employees[{e.Id}].contract", $"days {c.MaxDaysPerWeek}, consecutive {c.MaxConsecutiveDays}, rest {c.MinRestMinutes}", "max_days_per_week 0-7, max_consecutive_days >= 1, min_rest_minutes >= 0");
        }

        if (!problem.ShiftRules.AllowedLengthsMinutes.Any(l => l >= c.MinShiftMinutes && l <= c.MaxShiftMinutes) && c.MaxWeeklyPaidMinutes > 0)
        {
            Fail($"employees[{e.Id}].contract.min_shift_minutes", $"{c.MinShiftMinutes}-{c.MaxShiftMinutes}", "no allowed shift length fits");
        }

        if (c.LatestStart < c.EarliestStart || c.HourlyCost < 0)
        {
            Fail($"employees[{e.Id}].contract.latest_start", c.LatestStart, $"must not be before earliest_start ({c.EarliestStart}); hourly_cost >= 0");
        }

        foreach (var t in e.TimeOff.Where(t => t.End <= t.Start))
        {
            Fail($"employees[{e.Id}].time_off", $"{t.Start:O}-{t.End:O}", "ends before it starts");
        }
    }

    /// <summary>Rejects fixed activities that are not on the interval grid.</summary>
    public static void ValidateOnGrid(string employeeId, FixedActivity fixedActivity, int startIndex, int endIndex)
    {
        ArgumentNullException.ThrowIfNull(fixedActivity);
        if (startIndex < 0 || endIndex < 0 || endIndex <= startIndex)
        {
            Fail($"employees[{employeeId}].fixed_activities[{fixedActivity.Name}]", $"{fixedActivity.Start:O}-{fixedActivity.End:O}", "must start and end on interval boundaries inside the horizon");
        }
    }

    private static void Fail(string field, object value, string rule) =>
        throw new ArgumentException($"{field} = {value}: {rule}.", field);
}
