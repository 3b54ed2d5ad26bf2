using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Compilation;

/// <summary>
/// Employees the model cannot tell apart (same skills, contract, preferences, absences and fixed activities): they
/// share shift options and columns, and a solution says how many of them work each pattern.
/// </summary>
public sealed class EmployeeClass
{
    public required int Index { get; init; }

    public required SkillGroup Group { get; init; }

    /// <summary>The members, by index into the problem's employees.</summary>
    public required IReadOnlyList<int> Members { get; init; }

    public required Employee Representative { get; init; }

    public required IReadOnlyList<LengthSpec> Lengths { get; init; }

    public required int UnitMinutes { get; init; }

    /// <summary>Shift options per day (empty on a day the class cannot work).</summary>
    public required IReadOnlyList<IReadOnlyList<ShiftOption>> OptionsByDay { get; init; }

    /// <summary>Intervals of fixed activities per day: the shift covers them but they are not on-duty time.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> FixedIntervalsByDay { get; init; }

    public required IReadOnlyList<bool> MustWork { get; init; }

    /// <summary>Minimum paid-time units per 7-day week (pro rata for short weeks and whole days off).</summary>
    public required IReadOnlyList<int> MinUnitsByWeek { get; init; }

    public required int MaxUnitsPerWeek { get; init; }

    public Contract Contract => Representative.Contract;

}
