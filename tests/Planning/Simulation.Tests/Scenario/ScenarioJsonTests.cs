using System.Text.Json;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Blending.Model;
using BackOfficeCloud.Planning.Simulation.Reference;
using BackOfficeCloud.Planning.Simulation.Scenario;

namespace BackOfficeCloud.Planning.Simulation.Tests.Scenario;

public class ScenarioJsonTests
{
    [Fact]
    public void The_documented_example_scenario_reads_and_runs()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "examples", "simulation", "scenario.json");

        var scenario = JsonSerializer.Deserialize<SimulationScenario>(File.ReadAllText(path), SimulationJson.Options)!;
        var result = new Simulator(new SimulationOptions(2)).Simulate(scenario, new ThresholdPolicy());

        Assert.Equal(60, scenario.IntervalMinutes);
        Assert.Equal(DistributionKind.Empirical, scenario.BackOffice[0].Effort.Kind);
        Assert.Equal(ScheduledActivity.BackOffice, scenario.Agents[3].Shifts[0].Activity);
        Assert.Equal(1.0, scenario.Agents[0].Skills[0].Proficiency);
        Assert.Equal(24, result.Intervals.Count);
        Assert.True(result.Overall.BackOfficeCompleted.Mean > 0);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<SimulationScenario>("""{ "start": "2026-03-02T00:00:00Z", "days": 1, "queues": [], "back_office": [], "agents": [] }""", SimulationJson.Options));

        Assert.Contains("interval_minutes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_center_round_trips_through_json()
    {
        var center = ReferenceCenterGenerator.Generate(new ReferenceCenterSettings(Scale: 0.5, Days: 2));

        var json = JsonSerializer.Serialize(center.Blended, SimulationJson.Options);
        var back = JsonSerializer.Deserialize<SimulationScenario>(json, SimulationJson.Options)!;

        Assert.Equal(center.Blended.Agents.Sum(g => g.Count), back.Agents.Sum(g => g.Count));
        Assert.Equal(center.Blended.Queues[0].Arrivals.PerInterval, back.Queues[0].Arrivals.PerInterval);
        Assert.Contains("\"activity\": \"flexible\"", json, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BackOfficeCloud.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("BackOfficeCloud.sln not found above the test binaries.");
    }
}
