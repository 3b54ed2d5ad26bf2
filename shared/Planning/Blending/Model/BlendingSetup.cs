namespace BackOfficeCloud.Planning.Blending.Model;

/// <summary>An agent's skill and how fast they work in it: 1.0 is the standard pace, 0.5 takes twice as long.</summary>
public readonly record struct SkillLevel(int Skill, double Proficiency);

/// <summary>An agent as the blending engine sees them: who they are and what they can do.</summary>
public sealed record AgentProfile(string Name, IReadOnlyList<SkillLevel> Skills);

/// <summary>
/// An immediate-response queue (voice, chat, ...): the skill that serves it, its service-level goal
/// (<see cref="ServiceLevelTarget"/> of contacts answered within <see cref="ServiceLevelThreshold"/>) and, when set,
/// a policy that overrides the tenant's default for this queue.
/// </summary>
public sealed record ImmediateQueueSetup(
    string Name,
    int Skill,
    double ServiceLevelTarget,
    TimeSpan ServiceLevelThreshold,
    IBlendingPolicy? Policy = null);

/// <summary>A kind of back-office item; <see cref="Interruptible"/> items may be put down when an agent is recalled.</summary>
public sealed record ItemTypeSetup(string Name, bool Interruptible);

/// <summary>One tenant's blended operation: skill names (indexed by position), queues, item types and agents.</summary>
public sealed record BlendingSetup(
    IReadOnlyList<string> Skills,
    IReadOnlyList<ImmediateQueueSetup> Queues,
    IReadOnlyList<ItemTypeSetup> ItemTypes,
    IReadOnlyList<AgentProfile> Agents);
