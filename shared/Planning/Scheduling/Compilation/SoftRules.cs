using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Compilation;

/// <summary>The per-shift soft-rule prices, shared by the solver's column costs and the schedule evaluator.</summary>
public static class SoftRules
{
    public static int PaidMinutes(ShiftRules rules, int lengthMinutes)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return lengthMinutes - rules.Breaks.Where(b => !b.Paid && b.MinShiftMinutes <= lengthMinutes).Sum(b => b.Minutes);
    }

    public static double PayCost(Contract contract, int paidMinutes) => contract.HourlyCost * paidMinutes / 60.0;

    /// <summary>Violations of the start window and preferred days off (0, 1 or 2).</summary>
    public static int PreferenceViolations(Preferences preferences, DateTime localStart)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var time = TimeOnly.FromDateTime(localStart);
        var outsideWindow = (preferences.StartFrom is { } from && time < from) || (preferences.StartTo is { } to && time > to);
        var onDayOff = preferences.DaysOff.Contains(localStart.DayOfWeek);
        return (outsideWindow ? 1 : 0) + (onDayOff ? 1 : 0);
    }

    public static bool IsLate(ObjectiveWeights weights, DateTime localStart, DateTime localEnd)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return localEnd.Date > localStart.Date || TimeOnly.FromDateTime(localEnd) > weights.LateShiftEndsAfter;
    }

    /// <summary>Pay, preferences and late-shift fairness of one shift.</summary>
    public static double ShiftCost(ScheduleProblem problem, Employee employee, DateTime localStart, DateTime localEnd, int lengthMinutes)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(employee);
        var w = problem.Weights;
        return PayCost(employee.Contract, PaidMinutes(problem.ShiftRules, lengthMinutes))
            + (w.PreferenceViolation * PreferenceViolations(employee.Preferences, localStart))
            + (IsLate(w, localStart, localEnd) ? w.LateShift : 0);
    }
}
