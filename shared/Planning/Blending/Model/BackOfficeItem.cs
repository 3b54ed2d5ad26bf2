namespace BackOfficeCloud.Planning.Blending.Model;

/// <summary>
/// An open back-office item. <see cref="RemainingEffort"/> is at standard pace (proficiency 1.0);
/// <see cref="Priority"/> is higher for more important work; <see cref="CustomerId"/> groups a customer's items
/// (0 = unknown); a <see cref="PendedUntil"/> in the future keeps the item out of reach until then.
/// </summary>
public readonly record struct BackOfficeItem(
    long Id,
    int ItemType,
    int Skill,
    int Priority,
    DateTimeOffset Arrival,
    DateTimeOffset Deadline,
    TimeSpan RemainingEffort,
    long CustomerId = 0,
    DateTimeOffset? PendedUntil = null);
