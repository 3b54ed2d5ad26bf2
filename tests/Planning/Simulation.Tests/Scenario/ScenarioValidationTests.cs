using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Simulation.Scenario;

namespace BackOfficeCloud.Planning.Simulation.Tests.Scenario;

public class ScenarioValidationTests
{
    [Fact]
    public void Names_the_field_and_value_that_is_wrong()
    {
        var scenario = ScenarioFixture.SingleQueue(60, 180, 3);
        var badInterval = scenario with { IntervalMinutes = 7 };
        var badAht = scenario with { Queues = [scenario.Queues[0] with { HandleTime = Distribution.Exponential(-3) }] };

        var simulator = new Simulator(new SimulationOptions(1));
        var interval = Assert.Throws<ArgumentException>(() => simulator.Simulate(badInterval, new ThresholdPolicy()));
        var aht = Assert.Throws<ArgumentException>(() => simulator.Simulate(badAht, new ThresholdPolicy()));

        Assert.Contains("interval_minutes is 7", interval.Message, StringComparison.Ordinal);
        Assert.Contains("queues[0] (voice).handle_time.mean_seconds is -3", aht.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replayed_arrivals_are_counted_per_interval()
    {
        var replay = new ArrivalPattern(ReplaySeconds: [10, 20, 950, 1900, 99999]);

        Assert.Equal([2, 1, 1], replay.ExpectedPerInterval(3, 900));
    }
}
