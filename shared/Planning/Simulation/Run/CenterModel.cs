using BackOfficeCloud.Planning.Blending.Model;
using BackOfficeCloud.Planning.Simulation.Sampling;
using BackOfficeCloud.Planning.Simulation.Scenario;

namespace BackOfficeCloud.Planning.Simulation.Run;

/// <summary>A shift boundary: at <see cref="Seconds"/> agent <see cref="Agent"/> moves into <see cref="Activity"/>.</summary>
internal readonly record struct ShiftChange(double Seconds, int Agent, ScheduledActivity Activity);

/// <summary>
/// A scenario prepared once for all replications: skills indexed, the engine's setup, agents expanded from their
/// groups with their proficiencies, the timeline of shift changes and the per-interval forecasts.
/// </summary>
internal sealed class CenterModel
{
    public CenterModel(SimulationScenario scenario)
    {
        ScenarioValidation.Validate(scenario);
        Scenario = scenario;
        var skills = scenario.Queues.Select(q => q.Skill)
            .Concat(scenario.BackOffice.Select(b => b.Skill))
            .Concat(scenario.Agents.SelectMany(g => g.Skills.Select(s => s.Skill)))
            .Distinct(StringComparer.Ordinal).ToList();
        int SkillOf(string name) => skills.IndexOf(name);

        var agents = new List<AgentProfile>();
        var changes = new List<ShiftChange>();
        var proficiency = new List<double[]>();
        var agentQueues = new List<int[]>();
        foreach (var group in scenario.Agents)
        {
            // Agents of a group share their skills and shifts: worked out once per group, not per agent.
            var profile = group.Skills.Select(s => new SkillLevel(SkillOf(s.Skill), s.Proficiency)).ToArray();
            var timeline = Timeline(group.Shifts, scenario.Days);
            var bySkill = ProficiencyBySkill(profile, skills.Count);
            var served = QueuesServed(profile, scenario.Queues, SkillOf);
            for (var i = 0; i < group.Count; i++)
            {
                foreach (var (seconds, activity) in timeline)
                {
                    changes.Add(new ShiftChange(seconds, agents.Count, activity));
                }

                agents.Add(new AgentProfile($"{group.Name}-{i + 1}", profile));
                proficiency.Add(bySkill);
                agentQueues.Add(served);
            }
        }

        changes.Sort(static (a, b) => a.Seconds != b.Seconds ? a.Seconds.CompareTo(b.Seconds) : a.Agent.CompareTo(b.Agent));

        Setup = new BlendingSetup(
            skills,
            [.. scenario.Queues.Select(q => new ImmediateQueueSetup(q.Name, SkillOf(q.Skill), q.ServiceLevelTarget, TimeSpan.FromSeconds(q.ThresholdSeconds)))],
            [.. scenario.BackOffice.Select(b => new ItemTypeSetup(b.Type, b.Interruptible))],
            agents);
        ItemSkills = [.. scenario.BackOffice.Select(b => SkillOf(b.Skill))];
        ItemPriorities = [.. scenario.BackOffice.Select(b => b.Priority)];
        DeadlineSeconds = [.. scenario.BackOffice.Select(b => b.DeadlineHours * 3600)];
        ThresholdSeconds = [.. scenario.Queues.Select(q => q.ThresholdSeconds)];
        ShiftChanges = [.. changes];
        Proficiency = [.. proficiency];
        AgentQueues = [.. agentQueues];
        var intervals = scenario.IntervalCount;
        QueueForecast = [.. scenario.Queues.Select(q => q.Arrivals.ExpectedPerInterval(intervals, scenario.IntervalSeconds))];
        QueueForecastPerMinute = [.. QueueForecast.Select(f => f.Select(e => e / scenario.IntervalMinutes).ToArray())];
        ItemForecast = [.. scenario.BackOffice.Select(b => b.Arrivals.ExpectedPerInterval(intervals, scenario.IntervalSeconds))];
        HandleTimes = [.. scenario.Queues.Select(q => new Sampler(q.HandleTime))];
        Patience = [.. scenario.Queues.Select(q => q.Patience is { } p ? new Sampler(p) : null)];
        Efforts = [.. scenario.BackOffice.Select(b => new Sampler(b.Effort))];
        AverageHandleTimes = [.. scenario.Queues.Select(q => TimeSpan.FromSeconds(q.HandleTime.Mean))];
        EffortEstimates = [.. scenario.BackOffice.Select(b => TimeSpan.FromSeconds(b.Effort.Mean))];
        StaffedSeconds = Staffed(ShiftChanges, agents.Count, intervals, scenario.IntervalSeconds);
        WarmUpIntervals = (int)Math.Ceiling(scenario.WarmUpMinutes * 60 / scenario.IntervalSeconds);
    }

    public SimulationScenario Scenario { get; }

    public BlendingSetup Setup { get; }

    public int[] ItemSkills { get; }

    public int[] ItemPriorities { get; }

    /// <summary>Per item type, seconds from arrival to deadline.</summary>
    public double[] DeadlineSeconds { get; }

    /// <summary>Per queue, the service level's threshold.</summary>
    public double[] ThresholdSeconds { get; }

    public ShiftChange[] ShiftChanges { get; }

    /// <summary>Per agent, proficiency by skill index (0 when the agent lacks the skill).</summary>
    public double[][] Proficiency { get; }

    public int[][] AgentQueues { get; }

    public double[][] QueueForecast { get; }

    /// <summary>The expected arrivals per minute in each interval: the engine's short-term forecast.</summary>
    public double[][] QueueForecastPerMinute { get; }

    public double[][] ItemForecast { get; }

    public Sampler[] HandleTimes { get; }

    public Sampler?[] Patience { get; }

    public Sampler[] Efforts { get; }

    /// <summary>The short-term forecast's handle time per queue, told to the engine.</summary>
    public TimeSpan[] AverageHandleTimes { get; }

    /// <summary>The effort estimate per item type, told to the engine (the true effort is drawn per item).</summary>
    public TimeSpan[] EffortEstimates { get; }

    public double[] StaffedSeconds { get; }

    public int WarmUpIntervals { get; }

    /// <summary>
    /// A group's shift changes over the scenario, in order. A block ending when the next begins is one change, not an
    /// end and a start at the same instant (whose order the event heap would not keep).
    /// </summary>
    private static (double Seconds, ScheduledActivity Activity)[] Timeline(IReadOnlyList<ShiftBlock> blocks, int days)
    {
        var changes = new SortedDictionary<double, ScheduledActivity>();
        for (var day = 0; day < days; day++)
        {
            foreach (var block in blocks.Where(b => b.Days is null || b.Days.Contains(day)).OrderBy(b => b.StartMinute))
            {
                var end = (day * 86400.0) + (block.EndMinute * 60.0);
                changes[(day * 86400.0) + (block.StartMinute * 60.0)] = block.Activity;
                changes.TryAdd(end, ScheduledActivity.Unavailable);
            }
        }

        return [.. changes.Select(c => (c.Key, c.Value))];
    }

    private static double[] ProficiencyBySkill(SkillLevel[] skills, int skillCount)
    {
        var bySkill = new double[skillCount];
        foreach (var s in skills)
        {
            bySkill[s.Skill] = s.Proficiency;
        }

        return bySkill;
    }

    private static int[] QueuesServed(SkillLevel[] skills, IReadOnlyList<QueueScenario> queues, Func<string, int> skillOf) =>
        [.. Enumerable.Range(0, queues.Count).Where(q => skills.Any(s => s.Skill == skillOf(queues[q].Skill)))];

    /// <summary>Scheduled (available) agent-seconds in each interval, from the shift timeline.</summary>
    private static double[] Staffed(ShiftChange[] changes, int agents, int intervals, double intervalSeconds)
    {
        var staffed = new double[intervals];
        var since = new double[agents];
        Array.Fill(since, double.NaN);
        foreach (var change in changes)
        {
            if (!double.IsNaN(since[change.Agent]))
            {
                Tally.Spread(staffed, since[change.Agent], change.Seconds, intervalSeconds);
            }

            since[change.Agent] = change.Activity == ScheduledActivity.Unavailable ? double.NaN : change.Seconds;
        }

        return staffed;
    }
}
