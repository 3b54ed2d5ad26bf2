namespace BackOfficeCloud.Cli.Common;

/// <summary>Peak resident memory (VmHWM in /proc/PID/status) of this process or another one.</summary>
internal static class PeakRss
{
    public static double Megabytes() => Megabytes("self");

    public static double Megabytes(int processId) => Megabytes(processId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static double Megabytes(string process)
    {
        var line = File.ReadLines($"/proc/{process}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0, 1);
    }
}
