using System.Text.Json;
using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Cli.Scheduling;

/// <summary>Reads and writes problem and schedule files in the engine's JSON shape.</summary>
internal static class ScheduleFiles
{
    public static ScheduleProblem ReadProblem(string path) => Read<ScheduleProblem>(path);

    public static ScheduleResult ReadResult(string path) => Read<ScheduleResult>(path);

    public static void Write<T>(string path, T value)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, value, SchedulingJson.Options);
    }

    private static T Read<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, SchedulingJson.Options)
            ?? throw new InvalidDataException($"{path}: empty JSON document.");
    }
}
