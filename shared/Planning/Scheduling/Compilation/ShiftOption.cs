namespace BackOfficeCloud.Planning.Scheduling.Compilation;

/// <summary>
/// One way an employee class can work a day: start interval, length, and for each break the interval starts it may
/// take (already clear of fixed activities). <see cref="StaticCost"/> is pay, preferences and late-shift fairness.
/// </summary>
public sealed record ShiftOption(int Day, int Start, int Length, int LengthIndex, double StaticCost, IReadOnlyList<BreakSlot> Breaks)
{
    public int End => Start + Length;
}

/// <summary>A break of <see cref="Length"/> intervals that may start at any of <see cref="Starts"/>.</summary>
public sealed record BreakSlot(int RuleIndex, int Length, IReadOnlyList<int> Starts);

/// <summary>A shift length in a class's contract: its intervals, paid minutes and paid-time units (see <see cref="EmployeeClass.UnitMinutes"/>).</summary>
public readonly record struct LengthSpec(int Intervals, int PaidMinutes, int Units);
