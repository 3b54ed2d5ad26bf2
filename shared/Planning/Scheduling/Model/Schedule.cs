namespace BackOfficeCloud.Planning.Scheduling.Model;

/// <summary>The shifts of every employee; each shift is split into activity segments that cover it exactly.</summary>
public sealed record Schedule(IReadOnlyList<ScheduledShift> Shifts);

public sealed record ScheduledShift(string EmployeeId, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<ActivitySegment> Activities);

/// <summary>One activity; <paramref name="Name"/> is the work type, break or fixed activity name (empty for phone).</summary>
public sealed record ActivitySegment(DateTimeOffset Start, DateTimeOffset End, ActivityKind Kind, string Name);

public enum ActivityKind
{
    /// <summary>Logged in to every immediate queue the employee is skilled for; routing splits the time between them.</summary>
    Phone,
    BackOffice,
    Break,
    Fixed,
}
