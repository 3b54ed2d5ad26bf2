namespace BackOfficeCloud.Cli.Staffing;

/// <summary>Turns the engines' input errors into one line on stderr and exit code 2 instead of a stack trace.</summary>
internal static class CliErrors
{
    public static int Report(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
            return 0;
        }
        catch (Exception error) when (error is ArgumentException or InvalidDataException or FileNotFoundException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"bocloud: {error.Message}");
            return 2;
        }
    }
}
