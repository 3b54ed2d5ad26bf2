namespace BackOfficeCloud.Planning.Staffing.Deferrable;

/// <summary>Open back-office work already received.</summary>
/// <param name="Id">What the planner names in a shortfall.</param>
/// <param name="Arrived">When it arrived; its SLA counts from here unless it has its own <paramref name="Due"/>.</param>
/// <param name="Due">Its own due time, which overrides the work type's SLA.</param>
/// <param name="Count">Items in this group (same arrival and due time).</param>
public sealed record BacklogItem(string Id, DateTimeOffset Arrived, DateTimeOffset? Due = null, double Count = 1);
