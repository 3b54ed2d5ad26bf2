namespace BackOfficeCloud.Planning.Simulation.Scenario;

public enum DistributionKind
{
    Exponential,
    Lognormal,
    Empirical,
    Constant,
}

/// <summary>
/// A duration distribution in seconds: exponential or constant (<see cref="MeanSeconds"/>), lognormal
/// (<see cref="MeanSeconds"/> and <see cref="SdSeconds"/>), or empirical (drawn uniformly from <see cref="SamplesSeconds"/>).
/// </summary>
public sealed record Distribution(
    DistributionKind Kind,
    double MeanSeconds = 0,
    double SdSeconds = 0,
    IReadOnlyList<double>? SamplesSeconds = null)
{
    public double Mean => Kind == DistributionKind.Empirical && SamplesSeconds is { Count: > 0 } s ? s.Average() : MeanSeconds;

    public static Distribution Exponential(double meanSeconds) => new(DistributionKind.Exponential, meanSeconds);
}
