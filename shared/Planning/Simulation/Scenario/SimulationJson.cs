using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackOfficeCloud.Planning.Simulation.Scenario;

/// <summary>The JSON shape of scenarios and results (docs/simulation.md): snake_case names and enum values.</summary>
public static class SimulationJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };
}
