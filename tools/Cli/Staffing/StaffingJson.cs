using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackOfficeCloud.Cli.Staffing;

/// <summary>The JSON conventions of the staffing files and output lines: snake_case, nulls left out.</summary>
internal static class StaffingJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };

    public static string Line<T>(T value) => JsonSerializer.Serialize(value, Options);
}
