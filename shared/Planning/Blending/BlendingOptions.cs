namespace BackOfficeCloud.Planning.Blending;

/// <summary>
/// Tenant-wide settings. <see cref="PriorityStep"/> is how much deadline one priority level is worth when ranking
/// items; <see cref="ProficiencyPenalty"/> is the urgency given up for working at proficiency 0 instead of 1;
/// a same-customer item is preferred while every other item has more than <see cref="GroupingSlack"/> of slack.
/// </summary>
public sealed record BlendingOptions
{
    public IBlendingPolicy DefaultPolicy { get; init; } = new ThresholdPolicy();

    public TimeSpan PriorityStep { get; init; } = TimeSpan.FromHours(4);

    public TimeSpan ProficiencyPenalty { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan GroupingSlack { get; init; } = TimeSpan.FromHours(2);

    public double MinimumProficiency { get; init; } = 0.1;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(DefaultPolicy);
        foreach (var (name, value) in new[] { (nameof(PriorityStep), PriorityStep), (nameof(ProficiencyPenalty), ProficiencyPenalty), (nameof(GroupingSlack), GroupingSlack) })
        {
            if (value < TimeSpan.Zero)
            {
                throw new ArgumentException($"{name} is {value}: it must not be negative.", name);
            }
        }

        if (!(MinimumProficiency is > 0 and <= 1))
        {
            throw new ArgumentException($"MinimumProficiency is {MinimumProficiency}: it must be above 0 and at most 1.", nameof(MinimumProficiency));
        }
    }
}
