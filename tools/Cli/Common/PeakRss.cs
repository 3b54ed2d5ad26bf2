namespace BackOfficeCloud.Cli.Common;

/// <summary>Peak resident memory of this process (VmHWM in /proc/self/status).</summary>
internal static class PeakRss
{
    public static double Megabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0, 1);
    }
}
