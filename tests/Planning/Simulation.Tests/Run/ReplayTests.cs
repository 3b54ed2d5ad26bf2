using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Blending.Model;
using BackOfficeCloud.Planning.Simulation.Scenario;

namespace BackOfficeCloud.Planning.Simulation.Tests.Run;

public class ReplayTests
{
    [Fact]
    public void Replayed_contacts_on_one_agent_wait_exactly_as_computed_by_hand()
    {
        // Calls at 0, 10 and 20 s, 30 s each, one agent: answered at 0, 30 and 60 s, waits 0, 20 and 40 s.
        // Within 20 s: two of three; ASA 20 s; the agent is busy 90 s of the first 15-minute interval.
        var scenario = new SimulationScenario(
            ScenarioFixture.Start,
            1,
            15,
            [new QueueScenario("voice", "voice", new ArrivalPattern(ReplaySeconds: [20, 0, 10]), new Distribution(DistributionKind.Constant, 30))],
            [],
            [new AgentGroup("one", 1, [new GroupSkill("voice")], [new ShiftBlock(0, 1440, ScheduledActivity.Phone)])]);

        var result = new Simulator(new SimulationOptions(1)).Simulate(scenario, new SiloPolicy());

        var voice = result.Overall.Queues[0];
        Assert.Equal(3, voice.Offered.Mean);
        Assert.Equal(2.0 / 3, voice.ServiceLevel.Mean, 12);
        Assert.Equal(20, voice.AsaSeconds.Mean, 9);
        Assert.Equal(90.0 / 900, result.Intervals[0].PhoneOccupancy, 9);
    }
}
