using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Simulation.Results;
using BackOfficeCloud.Planning.Simulation.Scenario;

namespace BackOfficeCloud.Planning.Simulation;

/// <summary>Simulates a blended center under a blending policy and reports its KPIs with confidence intervals.</summary>
public interface ISimulator
{
    SimulationResult Simulate(SimulationScenario scenario, IBlendingPolicy policy);
}
