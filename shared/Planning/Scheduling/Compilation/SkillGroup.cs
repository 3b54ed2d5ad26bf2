namespace BackOfficeCloud.Planning.Scheduling.Compilation;

/// <summary>Employees with the same skills and proficiencies: interchangeable when work is split between activities.</summary>
public sealed record SkillGroup(int Index, IReadOnlyList<GroupActivity> Activities)
{
    public bool TakesCalls => Activities.Any(a => a.IsQueue);
}

/// <summary>An activity a group can do: a queue (<see cref="IsQueue"/>) or a work type, by index, at a proficiency.</summary>
public readonly record struct GroupActivity(bool IsQueue, int Index, double Proficiency);
