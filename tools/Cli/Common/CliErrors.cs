using System.Text.Json;

namespace BackOfficeCloud.Cli.Common;

/// <summary>Turns bad input (a malformed row, an unknown option value, a missing file) into one line on stderr and exit code 2.</summary>
internal static class CliErrors
{
    public static int Run(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException or InvalidDataException or JsonException)
        {
            Console.Error.WriteLine($"bocloud: {e.Message}");
            return 2;
        }
    }
}
