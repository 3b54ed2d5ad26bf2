namespace BackOfficeCloud.Planning.Scheduling.Model;

/// <summary>How shifts are shaped: start grid, allowed lengths, breaks, and the shortest activity block.</summary>
/// <param name="MinActivityBlockMinutes">
/// When an employee switches directly between two work activities (phone, a back-office work type), both the block
/// before and the block after the switch last at least this long.
/// </param>
public sealed record ShiftRules(
    int StartGranularityMinutes,
    IReadOnlyList<int> AllowedLengthsMinutes,
    IReadOnlyList<BreakRule> Breaks,
    int MinActivityBlockMinutes);

/// <summary>
/// A break every shift of at least <paramref name="MinShiftMinutes"/> takes once, starting between the two offsets
/// from the shift start; unpaid breaks do not count as paid time.
/// </summary>
public sealed record BreakRule(
    string Name,
    int Minutes,
    int EarliestStartOffsetMinutes,
    int LatestStartOffsetMinutes,
    int MinShiftMinutes,
    bool Paid);
