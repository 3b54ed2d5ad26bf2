using BackOfficeCloud.Planning.Blending.Decisions;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending.Tests;

/// <summary>
/// A small blended team: skill 0 answers the "voice" queue (80% in 20 s), skill 1 works "claim" items
/// (interruptible) and "refund" items (not). With 1 call a minute of 3 minutes Erlang C needs 5 agents
/// (SL 0.811 with 5, 0.55 with 4 — computed independently from the Erlang B recursion).
/// </summary>
internal static class BlendingFixture
{
    public const int Voice = 0;
    public const int Claims = 1;
    public const int Claim = 0;
    public const int Refund = 1;

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly QueueObservation Quiet = new(0, TimeSpan.Zero, 1.0, 0, TimeSpan.Zero);

    public static readonly QueueObservation OneCallAMinute = new(0, TimeSpan.Zero, 1.0, 1.0, TimeSpan.FromMinutes(3));

    public static BlendingEngine Engine(int agents, IBlendingPolicy? policy = null, ScheduledActivity activity = ScheduledActivity.Flexible)
    {
        var setup = new BlendingSetup(
            ["voice", "claims"],
            [new ImmediateQueueSetup("voice", Voice, 0.8, TimeSpan.FromSeconds(20))],
            [new ItemTypeSetup("claim", Interruptible: true), new ItemTypeSetup("refund", Interruptible: false)],
            [.. Enumerable.Range(0, agents).Select(i => new AgentProfile($"a{i}", [new SkillLevel(Voice, 1), new SkillLevel(Claims, 1)]))]);
        var engine = new BlendingEngine(setup, new BlendingOptions { DefaultPolicy = policy ?? new ThresholdPolicy() });
        for (var a = 0; a < agents; a++)
        {
            engine.SetSchedule(a, activity, Now);
        }

        return engine;
    }

    public static BackOfficeItem Item(long id, double deadlineHours, double effortMinutes = 10, int type = Claim, int priority = 0, long customer = 0) =>
        new(id, type, Claims, priority, Now.AddHours(-1), Now.AddHours(deadlineHours), TimeSpan.FromMinutes(effortMinutes), customer);

    public static List<BlendingDecision> Observe(BlendingEngine engine, QueueObservation observation)
    {
        var recalls = new List<BlendingDecision>();
        engine.UpdateQueue(Voice, observation, Now, recalls);
        return recalls;
    }
}
