using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Simulation.Reference;

namespace BackOfficeCloud.Planning.Simulation.Tests.Reference;

public class ReferenceCenterTests
{
    [Fact]
    public void Blended_staffing_keeps_the_service_level_and_deadlines_with_fewer_agent_hours()
    {
        var center = ReferenceCenterGenerator.Generate(new ReferenceCenterSettings(Scale: 1, Days: 2));
        var simulator = new Simulator(new SimulationOptions(Replications: 3, Seed: 2));

        var silo = simulator.Simulate(center.Silo, new SiloPolicy()).Overall;
        var blended = simulator.Simulate(center.Blended, new ThresholdPolicy()).Overall;

        Assert.True(blended.AgentHours.Mean < 0.85 * silo.AgentHours.Mean, $"hours {blended.AgentHours.Mean} vs {silo.AgentHours.Mean}");
        Assert.True(blended.Queues[0].ServiceLevel.High >= silo.Queues[0].ServiceLevel.Low, $"SL {blended.Queues[0].ServiceLevel} vs {silo.Queues[0].ServiceLevel}");
        Assert.True(blended.BackOfficeLate.Mean <= silo.BackOfficeLate.Mean, $"late {blended.BackOfficeLate.Mean} vs {silo.BackOfficeLate.Mean}");
        Assert.InRange(blended.BackOfficeCompleted.Mean / blended.BackOfficeArrived.Mean, 0.98, 1.0);
    }
}
