using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Simulation.Tests;

public class SimulatorTests
{
    [Fact]
    public void Same_seed_same_result_whatever_the_parallelism()
    {
        var scenario = ScenarioFixture.Blended();

        var one = new Simulator(new SimulationOptions(4, Seed: 3, MaxParallelism: 1)).Simulate(scenario, new ThresholdPolicy());
        var two = new Simulator(new SimulationOptions(4, Seed: 3, MaxParallelism: 2)).Simulate(scenario, new ThresholdPolicy());
        var other = new Simulator(new SimulationOptions(4, Seed: 4)).Simulate(scenario, new ThresholdPolicy());

        Assert.Equal(one.Events, two.Events);
        Assert.Equal(one.Overall.Queues[0].ServiceLevel, two.Overall.Queues[0].ServiceLevel);
        Assert.Equal(one.Overall.BackOfficeCompleted, two.Overall.BackOfficeCompleted);
        Assert.NotEqual(one.Events, other.Events);
    }

    [Fact]
    public void Threshold_blending_works_the_back_office_in_the_valleys_and_silo_does_not()
    {
        var scenario = ScenarioFixture.Blended();
        var simulator = new Simulator(new SimulationOptions(Replications: 5, Seed: 1));

        var silo = simulator.Simulate(scenario, new SiloPolicy());
        var threshold = simulator.Simulate(scenario, new ThresholdPolicy());

        // 4 Erlangs of calls + 5 Erlangs of claims on 12 agents for 10 hours: ~200 claims arrive.
        Assert.Equal(0, silo.Overall.BackOfficeCompleted.Mean);
        Assert.InRange(threshold.Overall.BackOfficeCompleted.Mean, 150, 210);
        Assert.InRange(threshold.Overall.Utilization.Mean, 0.6, 0.8);
        Assert.True(threshold.Overall.Queues[0].ServiceLevel.Mean > 0.7, $"SL {threshold.Overall.Queues[0].ServiceLevel}");
        Assert.InRange(silo.Overall.PhoneOccupancy.Mean, 0.3, 0.37); // 4 of 12 agents' time
    }

    [Fact]
    public void Greedy_blending_trades_service_level_for_back_office_work()
    {
        var scenario = ScenarioFixture.Blended();
        var simulator = new Simulator(new SimulationOptions(Replications: 5, Seed: 1));

        var threshold = simulator.Simulate(scenario, new ThresholdPolicy());
        var greedy = simulator.Simulate(scenario, new GreedyPolicy());

        Assert.True(
            greedy.Overall.Queues[0].ServiceLevel.Mean < threshold.Overall.Queues[0].ServiceLevel.Mean,
            $"greedy {greedy.Overall.Queues[0].ServiceLevel} vs threshold {threshold.Overall.Queues[0].ServiceLevel}");
    }

    [Fact]
    public void Back_office_blocks_take_no_contacts()
    {
        var scenario = ScenarioFixture.Blended(ScheduledActivity.BackOffice);

        var result = new Simulator(new SimulationOptions(Replications: 2)).Simulate(scenario, new ThresholdPolicy());

        Assert.Equal(0, result.Overall.PhoneOccupancy.Mean);
        Assert.Equal(1, result.Overall.Queues[0].AbandonRate.Mean);
        Assert.True(result.Overall.BackOfficeCompleted.Mean > 150);
    }
}
