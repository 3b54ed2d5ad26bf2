using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending.Agents;

/// <summary>An agent's live state inside <see cref="AgentBoard"/>.</summary>
internal struct AgentRecord
{
    public SkillLevel[] Skills;
    public int[] Queues;
    public ScheduledActivity Scheduled;
    public AgentActivity Activity;
    public long SinceTicks;
    public int ContactQueue;
    public int ItemSlot;
    public long ItemStartTicks;
    public int RecallQueue;
    public long LastCustomer;

    /// <summary>Changes whenever the agent starts or leaves a task, invalidating old recall-candidate entries.</summary>
    public int TaskVersion;

    public readonly bool InPhonePool => Scheduled is ScheduledActivity.Phone or ScheduledActivity.Flexible;
}
