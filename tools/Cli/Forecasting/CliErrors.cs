namespace BackOfficeCloud.Cli.Forecasting;

/// <summary>Turns bad input (a malformed row, an unknown option value) into one line on stderr and exit code 2.</summary>
internal static class CliErrors
{
    public static int Run(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException)
        {
            Console.Error.WriteLine($"bocloud: {e.Message}");
            return 2;
        }
    }
}
