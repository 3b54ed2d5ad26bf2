using System.Text.Json.Serialization;
using System.Text.Json;

namespace BackOfficeCloud.Cli.Common;

/// <summary>One-line snake_case JSON, the output format of backtests and benchmarks.</summary>
internal static class JsonLine
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}
