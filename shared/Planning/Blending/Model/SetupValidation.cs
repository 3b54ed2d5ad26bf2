namespace BackOfficeCloud.Planning.Blending.Model;

/// <summary>Checks a setup, an agent or an item; the exception names the field and its value.</summary>
internal static class SetupValidation
{
    public static void Validate(BlendingSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        for (var q = 0; q < setup.Queues.Count; q++)
        {
            ValidateQueue(setup.Queues[q], setup.Skills.Count, $"Queues[{q}]");
        }
    }

    public static void ValidateQueue(ImmediateQueueSetup queue, int skillCount, string field)
    {
        ArgumentNullException.ThrowIfNull(queue);
        RequireSkill(queue.Skill, skillCount, $"{field}.Skill");
        if (!(queue.ServiceLevelTarget is > 0 and < 1))
        {
            throw new ArgumentException($"{field}.ServiceLevelTarget is {queue.ServiceLevelTarget}: it must be above 0 and below 1.", nameof(queue));
        }

        if (queue.ServiceLevelThreshold < TimeSpan.Zero)
        {
            throw new ArgumentException($"{field}.ServiceLevelThreshold is {queue.ServiceLevelThreshold}: it must not be negative.", nameof(queue));
        }
    }

    public static void ValidateAgent(AgentProfile agent, int skillCount)
    {
        ArgumentNullException.ThrowIfNull(agent);
        for (var i = 0; i < agent.Skills.Count; i++)
        {
            RequireSkill(agent.Skills[i].Skill, skillCount, $"Agent '{agent.Name}' Skills[{i}].Skill");
            if (!(agent.Skills[i].Proficiency > 0))
            {
                throw new ArgumentException($"Agent '{agent.Name}' Skills[{i}].Proficiency is {agent.Skills[i].Proficiency}: it must be above 0.", nameof(agent));
            }
        }
    }

    public static void ValidateItem(in BackOfficeItem item, BlendingSetup setup)
    {
        if ((uint)item.Skill >= (uint)setup.Skills.Count)
        {
            RequireSkill(item.Skill, setup.Skills.Count, $"Item {item.Id} Skill");
        }

        if ((uint)item.ItemType >= (uint)setup.ItemTypes.Count)
        {
            throw new ArgumentException($"Item {item.Id} ItemType is {item.ItemType}: it must be in 0..{setup.ItemTypes.Count - 1}.", nameof(item));
        }

        if (item.RemainingEffort < TimeSpan.Zero)
        {
            throw new ArgumentException($"Item {item.Id} RemainingEffort is {item.RemainingEffort}: it must not be negative.", nameof(item));
        }
    }

    private static void RequireSkill(int skill, int skillCount, string field)
    {
        if ((uint)skill >= (uint)skillCount)
        {
            throw new ArgumentException($"{field} is {skill}: it must be in 0..{skillCount - 1}.");
        }
    }
}
