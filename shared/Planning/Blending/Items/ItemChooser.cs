using BackOfficeCloud.Planning.Blending.Agents;
using BackOfficeCloud.Planning.Blending.Decisions;

namespace BackOfficeCloud.Planning.Blending.Items;

/// <summary>
/// Picks the item an agent should work next. For each of the agent's skills only the head of that skill's urgency
/// heap is looked at; its slack is the time to its latest start (deadline less remaining effort, brought forward by
/// priority) less the skill's backlog per working agent — the work that must also be done before the later
/// deadlines. The smallest slack wins, with a penalty for working below full proficiency. When nothing is urgent
/// (every slack above the grouping slack) an open item of the customer the agent just worked for is taken instead.
/// </summary>
internal sealed class ItemChooser(ItemBook items, AgentBoard agents, BlendingOptions options)
{
    private readonly long _proficiencyPenaltyTicks = options.ProficiencyPenalty.Ticks;
    private readonly long _groupingSlackTicks = options.GroupingSlack.Ticks;

    public (int Slot, DecisionReason Reason) Choose(in AgentRecord agent, long nowTicks)
    {
        items.ReleaseMatured(nowTicks);
        var best = -1;
        var bestScore = long.MaxValue;
        var bestSlack = 0L;
        foreach (var skill in agent.Skills)
        {
            if (skill.Proficiency < options.MinimumProficiency)
            {
                continue;
            }

            var slot = items.PeekMostUrgent(skill.Skill, out var key);
            if (slot < 0)
            {
                continue;
            }

            var backlogPerAgent = items.OpenEffortTicks[skill.Skill] / Math.Max(1, agents.WorkingInSkill[skill.Skill]);
            var slack = key - nowTicks - backlogPerAgent;
            var score = slack + (long)((1 - skill.Proficiency) * _proficiencyPenaltyTicks);
            if (score < bestScore)
            {
                (best, bestScore, bestSlack) = (slot, score, slack);
            }
        }

        if (best >= 0 && bestSlack > _groupingSlackTicks)
        {
            var same = items.FindOpenOfCustomer(agent.LastCustomer, agent.Skills, options.MinimumProficiency);
            if (same >= 0)
            {
                return (same, new DecisionReason(ReasonCode.SameCustomer, SlackMinutes: Minutes(items.UrgencyKey(items[same]) - nowTicks)));
            }
        }

        return (best, new DecisionReason(ReasonCode.MostUrgentItem, SlackMinutes: Minutes(bestSlack)));
    }

    public double Proficiency(in AgentRecord agent, int skill)
    {
        foreach (var s in agent.Skills)
        {
            if (s.Skill == skill)
            {
                return Math.Max(s.Proficiency, options.MinimumProficiency);
            }
        }

        return 1.0;
    }

    private static double Minutes(long ticks) => (double)ticks / TimeSpan.TicksPerMinute;
}
