using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Planning.Simulation.Tests;

/// <summary>With no back office and constant rates the simulator must reproduce the queueing formulas.</summary>
public class QueueingSanityTests
{
    [Fact]
    public void Reproduces_erlang_c_service_level_and_asa_within_the_confidence_interval()
    {
        // 120 calls/h of 180 s = 6 Erlangs on 8 agents: Erlang C gives SL(20 s) = 0.7373, ASA = 18.8 s.
        var scenario = ScenarioFixture.SingleQueue(callsPerHour: 120, ahtSeconds: 180, agents: 8, days: 2);
        var expected = ErlangC.Evaluate(8, 6, 180, 20);

        var result = new Simulator(new SimulationOptions(Replications: 20, Seed: 11)).Simulate(scenario, new SiloPolicy());

        var voice = Assert.Single(result.Overall.Queues);
        Assert.True(voice.ServiceLevel.Contains(expected.ServiceLevel), $"SL {voice.ServiceLevel} vs Erlang C {expected.ServiceLevel}");
        Assert.True(voice.AsaSeconds.Contains(expected.AsaSeconds), $"ASA {voice.AsaSeconds} vs Erlang C {expected.AsaSeconds}");
        Assert.InRange(voice.ServiceLevel.HalfWidth, 0.001, 0.03);
        Assert.InRange(result.Overall.PhoneOccupancy.Mean, 0.74, 0.76); // 6 / 8
    }

    [Fact]
    public void Reproduces_erlang_a_service_level_and_abandonment_within_the_confidence_interval()
    {
        // 150 calls/h of 180 s = 7.5 Erlangs on 7 agents, patience 120 s: overloaded, held stable by abandonment.
        var scenario = ScenarioFixture.SingleQueue(callsPerHour: 150, ahtSeconds: 180, agents: 7, patienceSeconds: 120, days: 2);
        var expected = ErlangA.Evaluate(7, 7.5, 180, 120, 20);

        var result = new Simulator(new SimulationOptions(Replications: 20, Seed: 5)).Simulate(scenario, new SiloPolicy());

        var voice = Assert.Single(result.Overall.Queues);
        Assert.True(voice.ServiceLevel.Contains(expected.ServiceLevel), $"SL {voice.ServiceLevel} vs Erlang A {expected.ServiceLevel}");
        Assert.True(voice.AbandonRate.Contains(expected.AbandonRate), $"Abandon {voice.AbandonRate} vs Erlang A {expected.AbandonRate}");
    }
}
