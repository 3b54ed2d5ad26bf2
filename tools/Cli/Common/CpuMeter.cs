using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace BackOfficeCloud.Cli.Common;

/// <summary>
/// CPU time spent by this process and by the bench's PostgreSQL (its postmaster, the backends it has reaped and the live
/// ones), read from /proc: on a shared machine the CPU per event says more than the wall clock.
/// </summary>
internal sealed class CpuMeter(int postmasterPid)
{
    // USER_HZ, the unit of /proc/<pid>/stat times, is 100 on Linux.
    private const double TicksPerSecond = 100;

    /// <summary>The meter for the PostgreSQL cluster <paramref name="superuser"/> connects to (the parent of its backend).</summary>
    public static async Task<CpuMeter> ForAsync(NpgsqlDataSource superuser, CancellationToken cancellationToken)
    {
        await using var command = superuser.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new CpuMeter(Stat(backend)?.ParentPid ?? throw new InvalidOperationException($"PostgreSQL backend {backend} is not in /proc."));
    }

    public (TimeSpan Process, TimeSpan Postgres) Read() => (Process.GetCurrentProcess().TotalProcessorTime, PostgresCpu());

    private TimeSpan PostgresCpu()
    {
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } stat
                && (pid == postmasterPid || stat.ParentPid == postmasterPid))
            {
                // The postmaster's own times include the children it has reaped (cutime, cstime).
                ticks += stat.Ticks + (pid == postmasterPid ? stat.ChildTicks : 0);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static (int ParentPid, long Ticks, long ChildTicks)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // the process ended
        }

        // Fields after the command name (which may hold spaces) start at "state": ppid is the 2nd, utime..cstime the 12th..15th.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
        return ((int)Field(1), Field(11) + Field(12), Field(13) + Field(14));
    }
}
