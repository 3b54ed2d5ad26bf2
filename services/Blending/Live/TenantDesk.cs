using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Blending.Decisions;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Blending.Live;

/// <summary>
/// One tenant's live blending state: the engine and what maps the platform's ids and names onto it. Built only by
/// applying facts in order (<see cref="Apply"/>), so replaying the stored facts rebuilds the same state. Skills, queues,
/// work types and agents are learned from the facts as they appear. Not thread-safe: <see cref="TenantDesks"/> lets one
/// writer in at a time.
/// </summary>
public sealed partial class TenantDesk
{
    public const double DefaultServiceLevelTarget = 0.8;
    public static readonly TimeSpan DefaultServiceLevelThreshold = TimeSpan.FromSeconds(20);

    private readonly BlendingEngine _engine = new(new BlendingSetup([], [], [], []), new BlendingOptions());
    private readonly Dictionary<string, int> _skills = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _itemTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _agents = new(StringComparer.Ordinal);
    private readonly List<string> _agentIds = [];
    private readonly List<QueueTracker> _trackers = [];

    /// <summary>Facts applied so far; compared with the stored count to tell a stale desk.</summary>
    public long FactsApplied { get; private set; }

    /// <summary>The last task sequence of each agent's stream.</summary>
    public Dictionary<string, long> LastSequence { get; } = new(StringComparer.Ordinal);

    public void Apply(Fact fact, List<DeskDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var at = fact.At;
        switch (fact.Payload)
        {
            case AgentStateChanged state:
                ApplyAgentState(state, at, decisions);
                break;
            case RosterAgentUpdated agent:
                ApplyRosterAgent(agent);
                break;
            case RosterQueueUpdated queue:
                ApplyRosterQueue(queue, at, decisions);
                break;
            case InteractionIngested contact:
                ApplyInteraction(contact, at, decisions);
                break;
            case WorkItemEventIngested item:
                ApplyWorkItem(item, at, decisions);
                break;
            case SchedulePublished schedule:
                ApplySchedule(schedule, at, decisions);
                break;
            case SetPolicyRequest policy:
                ApplyPolicy(policy);
                break;
            case OverrideDecisionRequest decision:
                ApplyOverride(decision, at, decisions);
                break;
            case FinishTaskRequest finish:
                ApplyFinish(finish, at, decisions);
                break;
            default:
                throw new ArgumentException($"Fact kind '{fact.Kind}' carries a {fact.Payload.Descriptor.Name} the desk cannot apply.", nameof(fact));
        }

        FactsApplied++;
    }

    public bool KnowsAgent(string agentId) => _agents.ContainsKey(agentId);

    public bool KnowsQueue(string queue) => _queues.ContainsKey(queue);

    public string AgentIdAt(int agent) => _agentIds[agent];

    public AgentActivity ActivityOf(string agentId, DateTimeOffset now) => _engine.ViewAgent(_agents[agentId], now).Activity;

    private int Skill(string name) =>
        _skills.TryGetValue(name, out var skill) ? skill : _skills[name] = _engine.AddSkill(name);

    private int ItemType(string name) =>
        _itemTypes.TryGetValue(name, out var type) ? type : _itemTypes[name] = _engine.AddItemType(new ItemTypeSetup(name, Interruptible: false));

    private int Queue(string name)
    {
        if (_queues.TryGetValue(name, out var queue))
        {
            return queue;
        }

        queue = _engine.AddQueue(new ImmediateQueueSetup(name, Skill(name), DefaultServiceLevelTarget, DefaultServiceLevelThreshold));
        _trackers.Add(new QueueTracker(DefaultServiceLevelThreshold));
        _queues[name] = queue;
        return queue;
    }

    private int Agent(string id)
    {
        if (_agents.TryGetValue(id, out var agent))
        {
            return agent;
        }

        agent = _engine.AddAgent(new AgentProfile(id, []));
        _agents[id] = agent;
        _agentIds.Add(id);
        return agent;
    }

    private void Emit(in BlendingDecision decision, List<DeskDecision> decisions, string overriddenBy = "", string why = "")
    {
        var workItem = "";
        if (decision.Kind == DecisionKind.AssignItem)
        {
            _holders[decision.ItemId] = decision.Agent;
            _idle.Remove(decision.Agent);
            workItem = _openItems[decision.ItemId].Id;
        }
        else if (decision.Kind == DecisionKind.KeepFree && decision.Reason.Code == ReasonCode.NoEligibleWork)
        {
            _idle.Add(decision.Agent);
        }

        var reason = overriddenBy.Length > 0 ? $"Decided by {overriddenBy}: {why}" : _engine.Describe(decision.Reason);
        var queue = decision.Queue >= 0 ? _engine.Setup.Queues[decision.Queue].Name : "";
        decisions.Add(new DeskDecision(
            _agentIds[decision.Agent], decision.Kind, workItem, queue, decision.Interrupt, reason, decision.Reason.Policy, overriddenBy));
    }
}
