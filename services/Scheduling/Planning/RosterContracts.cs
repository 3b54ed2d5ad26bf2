using BackOfficeCloud.Contracts.Scheduling.V1;
using RosterContract = BackOfficeCloud.Contracts.Ingestion.V1.Contract;
using EngineContract = BackOfficeCloud.Planning.Scheduling.Model.Contract;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>
/// An agent's contract: the roster's own terms when it gives them (weekly and shift hours), each term it leaves unset
/// (0 or empty) and the hourly cost taken from the settings' contract of the same name, else the first; an agent
/// whose roster gives no terms gets that settings contract whole.
/// </summary>
public sealed class RosterContracts
{
    private readonly ContractTemplate _fallback;
    private readonly Dictionary<string, ContractTemplate> _byName;

    public RosterContracts(IReadOnlyList<ContractTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _fallback = templates[0];
        _byName = templates.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public EngineContract For(string name, RosterContract? terms)
    {
        var template = _byName.GetValueOrDefault(name, _fallback);
        if (terms is null || terms.MaxWeeklyHours <= 0 || terms.MaxShiftHours <= 0)
        {
            return new EngineContract(
                template.MinWeeklyPaidMinutes, template.MaxWeeklyPaidMinutes, template.MaxDaysPerWeek, template.MaxConsecutiveDays,
                template.MinRestMinutes, template.MinShiftMinutes, template.MaxShiftMinutes,
                Time(template.EarliestStart, TimeOnly.MinValue), Time(template.LatestStart, TimeOnly.MinValue), template.HourlyCost);
        }

        return new EngineContract(
            Minutes(terms.MinWeeklyHours),
            Minutes(terms.MaxWeeklyHours),
            terms.MaxDaysPerWeek > 0 ? terms.MaxDaysPerWeek : template.MaxDaysPerWeek,
            terms.MaxConsecutiveDays > 0 ? terms.MaxConsecutiveDays : template.MaxConsecutiveDays,
            terms.MinRestHours > 0 ? Minutes(terms.MinRestHours) : template.MinRestMinutes,
            Minutes(terms.MinShiftHours),
            Minutes(terms.MaxShiftHours),
            Time(terms.EarliestStart, Time(template.EarliestStart, TimeOnly.MinValue)),
            Time(terms.LatestStart, Time(template.LatestStart, TimeOnly.MinValue)),
            template.HourlyCost);
    }

    private static int Minutes(double hours) => (int)Math.Round(hours * 60);

    private static TimeOnly Time(string text, TimeOnly unset) => PlanningSettingsDefaults.TryTime(text, out var time) ? time : unset;
}
