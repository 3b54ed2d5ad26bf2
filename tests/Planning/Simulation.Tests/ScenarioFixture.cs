using BackOfficeCloud.Planning.Blending.Model;
using BackOfficeCloud.Planning.Simulation.Scenario;

namespace BackOfficeCloud.Planning.Simulation.Tests;

internal static class ScenarioFixture
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One voice queue with constant Poisson arrivals and exponential handle times, agents on the phones all day.</summary>
    public static SimulationScenario SingleQueue(double callsPerHour, double ahtSeconds, int agents, double? patienceSeconds = null, int days = 1) =>
        new(
            Start,
            days,
            15,
            [new QueueScenario("voice", "voice", ArrivalPattern.Constant(callsPerHour), Distribution.Exponential(ahtSeconds),
                0.8, 20, patienceSeconds is { } p ? Distribution.Exponential(p) : null)],
            [],
            [new AgentGroup("phones", agents, [new GroupSkill("voice")], [new ShiftBlock(0, 1440, ScheduledActivity.Phone)])],
            WarmUpMinutes: 60);

    /// <summary>
    /// A blended day: 60 calls an hour of 4 minutes (4 Erlangs) from 08:00 to 18:00, 20 claims an hour of 15 minutes
    /// (5 Erlangs) due within 8 hours, 12 flexible agents on 08:00-18:00.
    /// </summary>
    public static SimulationScenario Blended(ScheduledActivity activity = ScheduledActivity.Flexible)
    {
        var open = Enumerable.Range(0, 96).Select(k => k is >= 32 and < 72 ? 15.0 : 0.0).ToArray();
        var claims = Enumerable.Range(0, 96).Select(k => k is >= 32 and < 72 ? 5.0 : 0.0).ToArray();
        return new SimulationScenario(
            Start,
            1,
            15,
            [new QueueScenario("voice", "voice", new ArrivalPattern(PerInterval: open), Distribution.Exponential(240), Patience: Distribution.Exponential(300))],
            [new BackOfficeScenario("claim", "claims", new ArrivalPattern(PerInterval: claims), Distribution.Exponential(900), DeadlineHours: 8)],
            [new AgentGroup("blended", 12, [new GroupSkill("voice"), new GroupSkill("claims")], [new ShiftBlock(480, 1080, activity)])]);
    }
}
