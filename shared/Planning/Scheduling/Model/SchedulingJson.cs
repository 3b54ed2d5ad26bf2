using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackOfficeCloud.Planning.Scheduling.Model;

/// <summary>The JSON shape of problems and schedules: snake_case names, enums as strings.</summary>
public static class SchedulingJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = false,
    };
}
