namespace BackOfficeCloud.Planning.Staffing.Deferrable;

/// <summary>
/// Lots of one work type whose release order agrees with their due order (the open backlog, all workable at once;
/// or forecast arrivals under one SLA), so earliest-due-first meets every deadline that any schedule can, and the
/// plan needs only cumulative minutes: done by t ≤ released by t, and done by t ≥ due by t.
/// </summary>
public sealed class WorkStream
{
    public WorkStream(string workType, double handleMinutes, IReadOnlyList<WorkLot> lots, IReadOnlyList<bool> open)
    {
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(open);
        WorkType = workType;
        HandleMinutes = handleMinutes;
        Lots = [.. lots.OrderBy(l => l.Due).ThenBy(l => l.ReleaseIndex)];
        Open = open;
        var released = new double[open.Count];
        var due = new double[open.Count];
        foreach (var lot in Lots.Where(l => l.ReleaseIndex < open.Count))
        {
            released[lot.ReleaseIndex] += lot.Minutes;
            due[lot.DueIndex] += lot.MinutesDueInHorizon;
        }

        ReleasedMinutes = released;
        DueMinutes = due;
    }

    public string WorkType { get; }

    public double HandleMinutes { get; }

    /// <summary>Earliest due first.</summary>
    public IReadOnlyList<WorkLot> Lots { get; }

    /// <summary>Whether the work type may be worked in each planning interval.</summary>
    public IReadOnlyList<bool> Open { get; }

    /// <summary>Work minutes that become workable at the start of each interval.</summary>
    public IReadOnlyList<double> ReleasedMinutes { get; }

    /// <summary>Work minutes that must be done by the end of each interval.</summary>
    public IReadOnlyList<double> DueMinutes { get; }

    /// <summary>Backlog and overdue work minutes at the end of each interval when <paramref name="planned"/> minutes are worked.</summary>
    public (double[] Backlog, double[] Overdue) Trajectory(IReadOnlyList<double> planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var backlog = new double[Open.Count];
        var overdue = new double[Open.Count];
        double left = 0, released = 0, due = 0;
        for (var t = 0; t < Open.Count; t++)
        {
            released += ReleasedMinutes[t];
            due += DueMinutes[t];
            left = Math.Max(0, left + ReleasedMinutes[t] - planned[t]);
            backlog[t] = left;
            overdue[t] = Math.Max(0, left - (released - due));
        }

        return (backlog, overdue);
    }
}
