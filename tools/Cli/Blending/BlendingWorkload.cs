using System.Diagnostics;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Blending.Decisions;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Cli.Blending;

/// <summary>
/// A large tenant for the blending benchmark: voice and chat queues, 8 back-office skills, agents with one or both
/// queues and 3 back-office skills (70% flexible, 20% phone blocks, 10% back-office blocks), and a backlog with
/// deadlines from overdue to 5 days out, priorities, pended items and repeat customers. The event stream keeps
/// the backlog at its size: every completed item is replaced by a new one.
/// </summary>
internal sealed class BlendingWorkload
{
    private const int BackOfficeSkills = 8;
    private readonly BlendingEngine _engine;
    private readonly Random _random;
    private readonly List<BlendingDecision> _recalls = [];
    private readonly int _agents;
    private DateTimeOffset _now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private long _nextItem;

    public BlendingWorkload(int agents, int openItems, int seed)
    {
        _agents = agents;
        _random = new Random(seed);
        var skills = new List<string> { "voice", "chat" };
        skills.AddRange(Enumerable.Range(1, BackOfficeSkills).Select(s => $"back-office-{s}"));
        var setup = new BlendingSetup(
            skills,
            [new ImmediateQueueSetup("voice", 0, 0.8, TimeSpan.FromSeconds(20)), new ImmediateQueueSetup("chat", 1, 0.8, TimeSpan.FromSeconds(60))],
            [.. Enumerable.Range(0, BackOfficeSkills).Select(t => new ItemTypeSetup($"type-{t}", Interruptible: t % 2 == 0))],
            [.. Enumerable.Range(0, agents).Select(NewAgent)]);
        _engine = new BlendingEngine(setup, new BlendingOptions());
        for (var a = 0; a < agents; a++)
        {
            var roll = _random.NextDouble();
            _engine.SetSchedule(a, roll < 0.7 ? ScheduledActivity.Flexible : roll < 0.9 ? ScheduledActivity.Phone : ScheduledActivity.BackOffice, _now);
        }

        for (var i = 0; i < openItems; i++)
        {
            AddItem();
        }

        var scale = agents / 10_000.0;
        _engine.UpdateQueue(0, new QueueObservation(0, TimeSpan.Zero, 0.85, 60 * scale, TimeSpan.FromMinutes(5)), _now, _recalls);
        _engine.UpdateQueue(1, new QueueObservation(0, TimeSpan.Zero, 0.85, 30 * scale, TimeSpan.FromMinutes(8)), _now, _recalls);
        for (var a = 0; a < agents; a += 2)
        {
            StartContactIfPossible(a);
        }
    }

    public int OpenItems => _engine.OpenItems;

    public (long[] Ticks, double WallSeconds) Run(int decisions, bool record)
    {
        var ticks = new long[record ? decisions : 0];
        var wall = Stopwatch.StartNew();
        for (var d = 0; d < decisions; d++)
        {
            _now = _now.AddMilliseconds(20);
            var elapsed = d % 100 == 99 ? UpdateAQueue() : Step();
            if (record)
            {
                ticks[d] = elapsed;
            }
        }

        return (ticks, wall.Elapsed.TotalSeconds);
    }

    /// <summary>One agent event that ends in a decision; returns the engine's time for it in stopwatch ticks.</summary>
    private long Step()
    {
        while (true)
        {
            var agent = _random.Next(_agents);
            var activity = _engine.ViewAgent(agent, _now).Activity;
            if (activity == AgentActivity.Away || (activity == AgentActivity.Free && _random.NextDouble() < 0.6 && StartContactIfPossible(agent)))
            {
                continue;
            }

            var pended = activity == AgentActivity.OnItem && _random.NextDouble() < 0.05;
            var start = Stopwatch.GetTimestamp();
            _ = activity switch
            {
                AgentActivity.OnContact => _engine.FinishContact(agent, _now),
                AgentActivity.OnItem => _engine.FinishItem(agent, _now, pended ? _now.AddHours(1) : null),
                _ => _engine.Decide(agent, _now),
            };
            var elapsed = Stopwatch.GetTimestamp() - start;
            if (activity == AgentActivity.OnItem && !pended)
            {
                AddItem();
            }

            return elapsed;
        }
    }

    private long UpdateAQueue()
    {
        var queue = _random.Next(2);
        var waiting = _random.NextDouble() < 0.85 ? 0 : 1 + _random.Next(3);
        var observation = new QueueObservation(
            waiting, TimeSpan.FromSeconds(waiting * 10), 0.7 + (0.3 * _random.NextDouble()),
            (queue == 0 ? 60 : 30) * _agents / 10_000.0, TimeSpan.FromMinutes(queue == 0 ? 5 : 8));
        _recalls.Clear();
        var start = Stopwatch.GetTimestamp();
        _engine.UpdateQueue(queue, observation, _now, _recalls);
        return Stopwatch.GetTimestamp() - start;
    }

    private bool StartContactIfPossible(int agent)
    {
        var status = _engine.ViewAgent(agent, _now);
        if (status.Activity != AgentActivity.Free || status.Scheduled == ScheduledActivity.BackOffice)
        {
            return false;
        }

        var queues = _engine.Setup.Agents[agent].Skills.Where(s => s.Skill < 2).ToArray();
        _engine.StartContact(agent, queues[_random.Next(queues.Length)].Skill, _now);
        return true;
    }

    private AgentProfile NewAgent(int index)
    {
        var skills = new List<SkillLevel>();
        var roll = _random.NextDouble();
        if (roll < 0.8)
        {
            skills.Add(new SkillLevel(0, 1.0));
        }

        if (roll > 0.6)
        {
            skills.Add(new SkillLevel(1, 1.0));
        }

        foreach (var s in Enumerable.Range(0, BackOfficeSkills).OrderBy(_ => _random.Next()).Take(3))
        {
            skills.Add(new SkillLevel(2 + s, 0.6 + (0.6 * _random.NextDouble())));
        }

        return new AgentProfile($"agent-{index}", skills);
    }

    private void AddItem()
    {
        var id = _nextItem++;
        var type = (int)(id % BackOfficeSkills);
        var roll = _random.NextDouble();
        _engine.AddItem(
            new BackOfficeItem(
                id,
                type,
                2 + type,
                roll < 0.02 ? 2 : roll < 0.12 ? 1 : 0,
                _now.AddMinutes(-_random.Next(3 * 1440)),
                _now.AddMinutes(-120 + _random.Next(5 * 1440)),
                TimeSpan.FromMinutes(5 + _random.Next(35)),
                1 + _random.Next(300_000),
                _random.NextDouble() < 0.05 ? _now.AddMinutes(_random.Next(480)) : null),
            _now);
    }
}
