using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.ServiceDefaults.Validation;
using EngineBreakRule = BackOfficeCloud.Planning.Scheduling.Model.BreakRule;
using EngineShiftRules = BackOfficeCloud.Planning.Scheduling.Model.ShiftRules;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>
/// A schedule problem from a plan's demand and the stored roster: every agent skilled for at least one of the plan's
/// queues or work types, with their own contract (<see cref="RosterContracts"/>), availability and time off
/// (<see cref="AgentAbsences"/>), preferences and the planned activities they attend; the tenant's shift rules.
/// Objective weights are the service's defaults. Preferred start windows and contract start times are read on the
/// plan's local calendar; availability and time off are instants (availability in the agent's own zone).
/// </summary>
public static class ScheduleProblemBuilder
{
    private static readonly ObjectiveWeights Weights = new(
        OverstaffedAgentHour: 5, OverdueWorkMinuteHour: 0.02, PreferenceViolation: 4, WholeWeekendWorked: 15, LateShift: 2, LateShiftEndsAfter: new TimeOnly(20, 0));

    public static ScheduleProblem Build(
        ScheduleDemand demand, IEnumerable<RosterAgentUpdated> agents, PlanningSettings settings, IReadOnlyList<PlannedActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(settings);
        var horizon = demand.Horizon;
        if (horizon.IntervalMinutes is not (15 or 30))
        {
            throw new ValidationException("plan_id", $"the plan's {horizon.IntervalMinutes}-minute intervals cannot be scheduled: plan with 15 or 30 minutes");
        }

        var skills = demand.Queues.Select(q => q.Skill).Concat(demand.WorkTypes.Select(w => w.Skill)).ToHashSet(StringComparer.Ordinal);
        var contracts = new RosterContracts(settings.Contracts);
        var planZone = LocalTime.FindZone(horizon.TimeZone);
        var grid = IntervalGrid.Build(planZone, horizon.FirstDay, horizon.Days, horizon.IntervalMinutes);
        var employees = agents
            .Select(a => (Agent: a, Skills: a.Skills.Where(s => skills.Contains(s.Skill)).Select(s => new SkillLevel(s.Skill, s.Proficiency is > 0 and <= 1 ? s.Proficiency : 1)).ToList()))
            .Where(a => a.Skills.Count > 0)
            .Select(a =>
            {
                var absences = AgentAbsences.Of(a.Agent, ZoneOf(a.Agent, planZone), horizon);
                return new Employee(
                    a.Agent.AgentId,
                    a.Agent.Team,
                    a.Skills,
                    contracts.For(a.Agent.Contract, a.Agent.ContractTerms),
                    absences,
                    PreferencesOf(a.Agent.Preferences),
                    PlannedActivityPlacement.For(a.Agent.AgentId, activities, absences, horizon, grid));
            })
            .ToList();
        if (employees.Count == 0)
        {
            throw new ValidationException("roster", $"no roster agent is skilled for the plan's queues ({string.Join(", ", skills.Order(StringComparer.Ordinal))})");
        }

        var missingCost = settings.MissingAgentHourCost;
        return new ScheduleProblem(
            horizon,
            [.. demand.Queues.Select(q => q with { MissingAgentHourCost = missingCost })],
            demand.WorkTypes,
            employees,
            Rules(settings.ShiftRules),
            Weights);
    }

    private static TimeZoneInfo ZoneOf(RosterAgentUpdated agent, TimeZoneInfo planZone) =>
        agent.TimeZone.Length > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(agent.TimeZone, out var zone) ? zone : planZone;

    private static Preferences PreferencesOf(Contracts.Ingestion.V1.AgentPreferences? preferences)
    {
        if (preferences is null)
        {
            return Preferences.None;
        }

        TimeOnly? Time(string text) => PlanningSettingsDefaults.TryTime(text, out var time) ? time : null;
        var daysOff = preferences.DaysOff
            .Select(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) ? day : (DayOfWeek?)null)
            .OfType<DayOfWeek>()
            .Distinct()
            .ToList();
        return new Preferences(Time(preferences.StartFrom), Time(preferences.StartTo), daysOff);
    }

    private static EngineShiftRules Rules(Contracts.Scheduling.V1.ShiftRules rules) => new(
        rules.StartGranularityMinutes,
        [.. rules.AllowedLengthsMinutes],
        [.. rules.Breaks.Select(b => new EngineBreakRule(b.Name, b.Minutes, b.EarliestStartOffsetMinutes, b.LatestStartOffsetMinutes, b.MinShiftMinutes, b.Paid))],
        rules.MinActivityBlockMinutes);
}
