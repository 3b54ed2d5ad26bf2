using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Replanning;

/// <summary>Repairs the rest of a day of a published schedule with the fewest changes.</summary>
public interface IIntradayReplanner
{
    ReplanResult Replan(ScheduleProblem problem, Schedule published, ReplanRequest request);
}

/// <param name="Now">Nothing before this instant changes; only the rest of its local day is repaired.</param>
/// <param name="Absences">Employees who will not work from <see cref="Absence.Start"/> to <see cref="Absence.End"/>.</param>
/// <param name="RequiredAgents">Re-forecast requirements per queue skill (one value per horizon interval), replacing the plan's.</param>
public sealed record ReplanRequest(DateTimeOffset Now, IReadOnlyList<Absence> Absences, IReadOnlyDictionary<string, IReadOnlyList<double>>? RequiredAgents = null);

public sealed record Absence(string EmployeeId, DateTimeOffset Start, DateTimeOffset End);

public enum ChangeKind
{
    Absent,
    BreakMoved,
    BackOfficeToPhone,
    /// <summary>A proposal: extend the shift (needs the employee's consent).</summary>
    Overtime,
    /// <summary>A proposal: offer to end the shift early.</summary>
    VoluntaryTimeOff,
}

public sealed record ScheduleChange(string EmployeeId, ChangeKind Kind, DateTimeOffset Start, DateTimeOffset End, string Detail);

/// <param name="Schedule">The published schedule with absences and moves applied (proposals are not).</param>
/// <param name="Changes">Applied changes, then proposals.</param>
/// <param name="MissingAgentHoursBefore">Queue agent-hours short of requirement in the rest of the day, before repair (absences applied).</param>
public sealed record ReplanResult(Schedule Schedule, IReadOnlyList<ScheduleChange> Changes, double MissingAgentHoursBefore, double MissingAgentHoursAfter);
