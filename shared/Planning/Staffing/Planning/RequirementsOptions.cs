namespace BackOfficeCloud.Planning.Staffing.Planning;

public enum LpAlgorithm
{
    /// <summary>GLOP's simplex: exact optimum and bound.</summary>
    Glop,

    /// <summary>PDLP's first-order method: for very large horizons, to a tolerance.</summary>
    Pdlp,

    /// <summary>SCIP branch and bound on whole heads: closes the rounding gap, slower.</summary>
    Scip,
}

/// <summary>How the requirements plan is solved.</summary>
/// <param name="OverduePenaltyHours">Cost, in paid hours, of one work hour held one hour past its deadline: the soft
/// rule "meet every deadline" gives way only where no staffing can meet it.</param>
public sealed record RequirementsOptions(TimeSpan TimeLimit, double OverduePenaltyHours, LpAlgorithm Algorithm)
{
    public static RequirementsOptions Default { get; } = new(TimeSpan.FromSeconds(30), 50, LpAlgorithm.Glop);

    public void Validate()
    {
        if (TimeLimit <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Time limit {TimeLimit} must be above zero.", nameof(TimeLimit));
        }

        if (!(OverduePenaltyHours > 0) || double.IsInfinity(OverduePenaltyHours))
        {
            throw new ArgumentException($"Overdue penalty {OverduePenaltyHours} paid hours must be a finite number above 0.", nameof(OverduePenaltyHours));
        }
    }
}
