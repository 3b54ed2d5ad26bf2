namespace BackOfficeCloud.Planning.Staffing.Shrinkage;

/// <summary>
/// Turns productive requirements into scheduled heads. Planned factors add up as shares of a scheduled agent's paid
/// time; unplanned ones (absence) remove a share of the people scheduled, so the two multiply:
/// heads = productive ÷ ((1 − Σ planned)(1 − Σ unplanned)).
/// </summary>
public sealed record ShrinkageProfile
{
    public ShrinkageProfile(IReadOnlyList<ShrinkageFactor> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        foreach (var factor in factors)
        {
            if (!(factor.Fraction >= 0 && factor.Fraction < 1))
            {
                throw new ArgumentException($"Shrinkage '{factor.Name}' fraction {factor.Fraction} must be at least 0 and below 1.", nameof(factors));
            }
        }

        Factors = factors;
        Planned = factors.Where(f => f.Planned).Sum(f => f.Fraction);
        Unplanned = factors.Where(f => !f.Planned).Sum(f => f.Fraction);
        if (Planned >= 1 || Unplanned >= 1)
        {
            throw new ArgumentException(
                $"Shrinkage adds up to {Planned} planned and {Unplanned} unplanned: each sum must stay below 1 or nobody works.", nameof(factors));
        }
    }

    public static ShrinkageProfile None { get; } = new([]);

    public IReadOnlyList<ShrinkageFactor> Factors { get; }

    public double Planned { get; }

    public double Unplanned { get; }

    /// <summary>Share of scheduled paid time that is productive.</summary>
    public double ProductiveShare => (1 - Planned) * (1 - Unplanned);

    /// <summary>Overall shrinkage, 1 − productive share.</summary>
    public double Total => 1 - ProductiveShare;

    /// <summary>Scheduled heads for a productive requirement, fractional.</summary>
    public double ScheduledHeads(double productiveAgents) => productiveAgents / ProductiveShare;

    /// <summary>Whole scheduled heads covering a productive requirement (tolerating floating-point noise).</summary>
    public int WholeHeads(double productiveAgents) => (int)Math.Ceiling((productiveAgents / ProductiveShare) - 1e-9);
}
