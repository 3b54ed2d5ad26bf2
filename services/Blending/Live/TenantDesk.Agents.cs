using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Blending.Live;

/// <summary>
/// Agents: presence from their states, skills from the roster, scheduled activity from the published schedule. An agent
/// who is not logged in (break, lunch, meeting, training, offline, or no state yet) is off schedule whatever the schedule
/// says; a logged-in agent outside any shift counts as flexible.
/// </summary>
public sealed partial class TenantDesk
{
    private readonly ScheduleBook _schedules = new();
    private readonly Dictionary<int, string> _states = [];
    private readonly List<AgentProfile> _profiles = [];

    private static bool LoggedIn(string state) => state is "available" or "on_contact" or "wrap" or "back_office";

    private void ApplyAgentState(AgentStateChanged change, DateTimeOffset at, List<DeskDecision> decisions)
    {
        var agent = Agent(change.AgentId);
        _states[agent] = change.State;
        Reschedule(agent, at);
        var activity = _engine.ViewAgent(agent, at).Activity;
        switch (change.State)
        {
            case "on_contact":
                if (activity == AgentActivity.OnItem)
                {
                    _engine.PutDownItem(agent, at);
                    activity = AgentActivity.Free;
                }

                if (activity == AgentActivity.Free && ContactQueue(agent, change.ReasonCode) is var queue and >= 0)
                {
                    _engine.StartContact(agent, queue, at);
                }

                break;
            case "wrap" or "back_office":
                break;
            default:
                if (activity == AgentActivity.OnContact)
                {
                    Emit(_engine.FinishContact(agent, at), decisions);
                }
                else if (activity != AgentActivity.OnItem)
                {
                    Emit(_engine.Decide(agent, at), decisions);
                }
                else if (!LoggedIn(change.State))
                {
                    _engine.PutDownItem(agent, at);
                    Emit(_engine.Decide(agent, at), decisions);
                }

                break;
        }
    }

    private void ApplyRosterAgent(RosterAgentUpdated roster)
    {
        var agent = Agent(roster.AgentId);
        var skills = roster.Skills
            .Where(s => !string.IsNullOrWhiteSpace(s.Skill))
            .GroupBy(s => s.Skill, StringComparer.Ordinal)
            .Select(g => new SkillLevel(Skill(g.Key), g.Last().Proficiency > 0 ? g.Last().Proficiency : 1.0))
            .ToArray();
        var profile = new AgentProfile(roster.Name.Length > 0 ? roster.Name : roster.AgentId, skills);
        while (_profiles.Count <= agent)
        {
            _profiles.Add(new AgentProfile(_agentIds[_profiles.Count], []));
        }

        _profiles[agent] = profile;
        _engine.UpdateAgent(agent, profile);
    }

    private void ApplySchedule(SchedulePublished schedule, DateTimeOffset at, List<DeskDecision> decisions)
    {
        foreach (var employee in _schedules.Publish(schedule).Order(StringComparer.Ordinal))
        {
            if (_agents.TryGetValue(employee, out var agent))
            {
                Reschedule(agent, at);
            }
        }

        RebalanceAll(at, decisions);
    }

    /// <summary>Tells the engine what the agent should be doing at <paramref name="at"/>, if that changed.</summary>
    private void Reschedule(int agent, DateTimeOffset at)
    {
        var activity = _states.TryGetValue(agent, out var state) && LoggedIn(state)
            ? _schedules.ActivityAt(_agentIds[agent], at) ?? ScheduledActivity.Flexible
            : ScheduledActivity.Unavailable;
        if (_engine.ViewAgent(agent, at).Scheduled != activity)
        {
            _engine.SetSchedule(agent, activity, at);
        }
    }

    /// <summary>The queue a contact came from: the reason code when it names a queue, else the agent's first queue, else -1.</summary>
    private int ContactQueue(int agent, string reasonCode)
    {
        if (_queues.TryGetValue(reasonCode, out var named))
        {
            return named;
        }

        var skills = agent < _profiles.Count ? _profiles[agent].Skills : [];
        var queues = _engine.Setup.Queues;
        for (var q = 0; q < queues.Count; q++)
        {
            if (skills.Any(s => s.Skill == queues[q].Skill))
            {
                return q;
            }
        }

        return -1;
    }

    private void RebalanceAll(DateTimeOffset at, List<DeskDecision> decisions)
    {
        for (var q = 0; q < _engine.Setup.Queues.Count; q++)
        {
            Recall(q, at, decisions);
        }
    }
}
