using BackOfficeCloud.Planning.Scheduling.Compilation;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>A shift option taken on one day, with the interval each of its breaks starts at.</summary>
public sealed record ShiftChoice(ShiftOption Option, IReadOnlyList<int> BreakStarts);

/// <summary>A whole-horizon work pattern for one employee of a class: a column of the master problem.</summary>
/// <param name="Cost">Pay, preferences and fairness of the pattern.</param>
/// <param name="OnDuty">The intervals the employee is available for work (shifts less breaks and fixed activities).</param>
public sealed record Pattern(int ClassIndex, IReadOnlyList<ShiftChoice> Shifts, double Cost, IReadOnlyList<int> OnDuty)
{
    public string Signature { get; } = string.Join(';', Shifts.Select(s => $"{s.Option.Start}+{s.Option.Length}/{string.Join(',', s.BreakStarts)}"));

    /// <summary>The pattern's cost less the value of its on-duty time at the given prices.</summary>
    public double PricedCost(double[] dutyPrices) => Cost - OnDuty.Sum(t => dutyPrices[t]);
}
