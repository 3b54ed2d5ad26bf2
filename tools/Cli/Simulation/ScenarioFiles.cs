using System.Text.Json;
using BackOfficeCloud.Planning.Simulation.Scenario;

namespace BackOfficeCloud.Cli.Simulation;

/// <summary>Reads scenarios and writes scenarios and results in <see cref="SimulationJson"/>'s shape.</summary>
internal static class ScenarioFiles
{
    public static SimulationScenario Read(FileInfo file)
    {
        using var stream = file.OpenRead();
        return JsonSerializer.Deserialize<SimulationScenario>(stream, SimulationJson.Options)
            ?? throw new InvalidDataException($"{file.Name}: empty JSON document.");
    }

    public static void Write<T>(FileInfo file, T value)
    {
        using var stream = file.Create();
        JsonSerializer.Serialize(stream, value, SimulationJson.Options);
    }
}
