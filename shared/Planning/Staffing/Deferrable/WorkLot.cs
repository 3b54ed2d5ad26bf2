namespace BackOfficeCloud.Planning.Staffing.Deferrable;

/// <summary>Work that becomes workable and falls due together: one backlog group, or one interval's forecast arrivals.</summary>
/// <param name="Label">The backlog item id, or "arrivals HH:mm" of the interval they arrive in.</param>
/// <param name="ReleaseIndex">First planning interval in which it may be worked.</param>
/// <param name="DueIndex">Last planning interval that ends by <paramref name="Due"/> (the last one of the horizon when due after it).</param>
/// <param name="MinutesDueInHorizon">The share of <paramref name="Minutes"/> to finish inside the horizon: all of it when due
/// inside, else in proportion to the open time of its window that lies inside, so the rest carries over at a steady pace.</param>
public sealed record WorkLot(
    string Label,
    int ReleaseIndex,
    DateTimeOffset Due,
    int DueIndex,
    double Items,
    double Minutes,
    double MinutesDueInHorizon)
{
    public bool DueInsideHorizon => MinutesDueInHorizon >= Minutes;
}
