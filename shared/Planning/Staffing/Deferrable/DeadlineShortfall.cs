namespace BackOfficeCloud.Planning.Staffing.Deferrable;

/// <summary>A lot that a plan finishes after its deadline.</summary>
/// <param name="LateWorkMinutes">Work minutes of the lot still undone when its deadline passed.</param>
/// <param name="LateItems">The same in items.</param>
/// <param name="Completed">End of the interval in which it is finished; null when it is not finished within the horizon.</param>
public sealed record DeadlineShortfall(string WorkType, string Item, DateTimeOffset Due, double LateWorkMinutes, double LateItems, DateTimeOffset? Completed);
