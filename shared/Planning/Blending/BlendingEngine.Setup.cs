using BackOfficeCloud.Planning.Blending.Agents;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending;

/// <summary>Changes to the setup while the engine runs: a service learns skills, queues and work types from events.</summary>
public sealed partial class BlendingEngine
{
    private static readonly QueueObservation NothingObserved = new(0, TimeSpan.Zero, 1.0, 0, TimeSpan.Zero);

    public int AddSkill(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _items.AddSkill();
        _agents.AddSkill();
        Setup = Setup with { Skills = [.. Setup.Skills, name] };
        return Setup.Skills.Count - 1;
    }

    public int AddItemType(ItemTypeSetup itemType)
    {
        ArgumentNullException.ThrowIfNull(itemType);
        Setup = Setup with { ItemTypes = [.. Setup.ItemTypes, itemType] };
        return Setup.ItemTypes.Count - 1;
    }

    public int AddQueue(ImmediateQueueSetup queue)
    {
        var q = Setup.Queues.Count;
        SetupValidation.ValidateQueue(queue, Setup.Skills.Count, $"Queues[{q}]");
        Setup = Setup with { Queues = [.. Setup.Queues, queue] };
        _agents.AddQueue();
        _policies = [.. _policies, queue.Policy ?? _defaultPolicy];
        _observed = [.. _observed, NothingObserved];
        _required = [.. _required, 0];
        _targets = [.. _targets, queue.ServiceLevelTarget];
        for (var agent = 0; agent < _agents.Count; agent++)
        {
            if (Array.Exists(_agents[agent].Skills, s => s.Skill == queue.Skill))
            {
                var queues = QueuesServedBy(_agents[agent].Skills);
                _agents.Change(agent, queues, static (ref AgentRecord a, int[] served) => a.Queues = served);
            }
        }

        return q;
    }

    /// <summary>New service-level goal or policy of a queue; the skill that serves it cannot change.</summary>
    public void ChangeQueue(int queue, ImmediateQueueSetup setup)
    {
        CheckQueue(queue);
        SetupValidation.ValidateQueue(setup, Setup.Skills.Count, $"Queues[{queue}]");
        if (setup.Skill != Setup.Queues[queue].Skill)
        {
            throw new ArgumentException($"Queues[{queue}].Skill is {setup.Skill}: the skill serving a queue cannot change (was {Setup.Queues[queue].Skill}).", nameof(setup));
        }

        Setup = Setup with { Queues = [.. Setup.Queues.Select((q, i) => i == queue ? setup : q)] };
        _policies[queue] = setup.Policy ?? _defaultPolicy;
        _targets[queue] = setup.ServiceLevelTarget;
        var o = _observed[queue];
        _required[queue] = ReserveSizer.RequiredAgents(o.ForecastArrivalsPerMinute, o.AverageHandleTime, setup.ServiceLevelTarget, setup.ServiceLevelThreshold);
    }

    /// <summary>The tenant's default policy, used by every queue that has none of its own.</summary>
    public void SetDefaultPolicy(IBlendingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _defaultPolicy = policy;
        for (var q = 0; q < _policies.Length; q++)
        {
            _policies[q] = Setup.Queues[q].Policy ?? policy;
        }
    }

    /// <summary>New skills or proficiencies for an agent; their queues follow the skills.</summary>
    public void UpdateAgent(int agent, AgentProfile profile)
    {
        CheckAgent(agent);
        SetupValidation.ValidateAgent(profile, Setup.Skills.Count);
        var change = (Skills: profile.Skills.ToArray(), Queues: QueuesServedBy(profile.Skills));
        _agents.Change(agent, change, static (ref AgentRecord a, (SkillLevel[] Skills, int[] Queues) c) =>
        {
            a.Skills = c.Skills;
            a.Queues = c.Queues;
            if (a.RecallQueue >= 0 && Array.IndexOf(c.Queues, a.RecallQueue) < 0)
            {
                a.RecallQueue = -1;
            }
        });
    }

    private int[] QueuesServedBy(IReadOnlyList<SkillLevel> skills) =>
        [.. Enumerable.Range(0, Setup.Queues.Count).Where(q => skills.Any(s => s.Skill == Setup.Queues[q].Skill))];
}
