namespace BackOfficeCloud.Planning.Simulation.Reference;

/// <summary>
/// Covers a requirement curve (agents per interval of a day) with fixed-length shifts, greedily from the left: at the
/// first interval short of agents, start the missing shifts there (or as late as still fits in the day).
/// </summary>
public static class ShiftCover
{
    /// <summary>Shifts to start at each interval of the day.</summary>
    public static int[] Cover(IReadOnlyList<int> required, int firstInterval, int lastInterval, int shiftIntervals)
    {
        ArgumentNullException.ThrowIfNull(required);
        var starts = new int[required.Count];
        var covered = new int[required.Count];
        for (var k = firstInterval; k < lastInterval; k++)
        {
            var missing = required[k] - covered[k];
            if (missing <= 0)
            {
                continue;
            }

            var start = Math.Max(firstInterval, Math.Min(k, lastInterval - shiftIntervals));
            starts[start] += missing;
            for (var j = start; j < Math.Min(lastInterval, start + shiftIntervals); j++)
            {
                covered[j] += missing;
            }
        }

        return starts;
    }
}
