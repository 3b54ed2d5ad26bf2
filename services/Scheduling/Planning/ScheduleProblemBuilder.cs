using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.ServiceDefaults.Validation;
using EngineBreakRule = BackOfficeCloud.Planning.Scheduling.Model.BreakRule;
using EngineShiftRules = BackOfficeCloud.Planning.Scheduling.Model.ShiftRules;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>
/// A schedule problem from a plan's demand and the stored roster: every agent skilled for at least one of the plan's
/// queues or work types, with the contract template their roster contract names (else the first), and the tenant's
/// shift rules. Objective weights are the service's defaults.
/// </summary>
public static class ScheduleProblemBuilder
{
    private static readonly ObjectiveWeights Weights = new(
        OverstaffedAgentHour: 5, OverdueWorkMinuteHour: 0.02, PreferenceViolation: 4, WholeWeekendWorked: 15, LateShift: 2, LateShiftEndsAfter: new TimeOnly(20, 0));

    public static ScheduleProblem Build(ScheduleDemand demand, IEnumerable<RosterAgentUpdated> agents, PlanningSettings settings)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(settings);
        if (demand.Horizon.IntervalMinutes is not (15 or 30))
        {
            throw new ValidationException("plan_id", $"the plan's {demand.Horizon.IntervalMinutes}-minute intervals cannot be scheduled: plan with 15 or 30 minutes");
        }

        var skills = demand.Queues.Select(q => q.Skill).Concat(demand.WorkTypes.Select(w => w.Skill)).ToHashSet(StringComparer.Ordinal);
        var fallback = Contract(settings.Contracts[0]);
        var contracts = settings.Contracts.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Contract(g.First()), StringComparer.Ordinal);
        var employees = agents
            .Select(a => (Agent: a, Skills: a.Skills.Where(s => skills.Contains(s.Skill)).Select(s => new SkillLevel(s.Skill, s.Proficiency is > 0 and <= 1 ? s.Proficiency : 1)).ToList()))
            .Where(a => a.Skills.Count > 0)
            .Select(a => new Employee(
                a.Agent.AgentId,
                a.Agent.Team,
                a.Skills,
                contracts.GetValueOrDefault(a.Agent.Contract, fallback),
                [],
                Preferences.None,
                []))
            .ToList();
        if (employees.Count == 0)
        {
            throw new ValidationException("roster", $"no roster agent is skilled for the plan's queues ({string.Join(", ", skills.Order(StringComparer.Ordinal))})");
        }

        var missingCost = settings.MissingAgentHourCost;
        return new ScheduleProblem(
            demand.Horizon,
            [.. demand.Queues.Select(q => q with { MissingAgentHourCost = missingCost })],
            demand.WorkTypes,
            employees,
            Rules(settings.ShiftRules),
            Weights);
    }

    private static EngineShiftRules Rules(Contracts.Scheduling.V1.ShiftRules rules) => new(
        rules.StartGranularityMinutes,
        [.. rules.AllowedLengthsMinutes],
        [.. rules.Breaks.Select(b => new EngineBreakRule(b.Name, b.Minutes, b.EarliestStartOffsetMinutes, b.LatestStartOffsetMinutes, b.MinShiftMinutes, b.Paid))],
        rules.MinActivityBlockMinutes);

    private static Contract Contract(ContractTemplate c) => new(
        c.MinWeeklyPaidMinutes,
        c.MaxWeeklyPaidMinutes,
        c.MaxDaysPerWeek,
        c.MaxConsecutiveDays,
        c.MinRestMinutes,
        c.MinShiftMinutes,
        c.MaxShiftMinutes,
        Time(c.EarliestStart),
        Time(c.LatestStart),
        c.HourlyCost);

    private static TimeOnly Time(string text) => PlanningSettingsDefaults.TryTime(text, out var time) ? time : TimeOnly.MinValue;
}
