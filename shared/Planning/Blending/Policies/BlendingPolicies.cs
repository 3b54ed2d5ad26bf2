namespace BackOfficeCloud.Planning.Blending;

/// <summary>The built-in policies by the names tenants configure them with.</summary>
public static class BlendingPolicies
{
    public static readonly IReadOnlyList<string> Names = ["threshold", "silo", "greedy"];

    public static IBlendingPolicy ByName(string name) => name switch
    {
        "threshold" => new ThresholdPolicy(),
        "silo" => new SiloPolicy(),
        "greedy" => new GreedyPolicy(),
        _ => throw new ArgumentException($"Unknown blending policy '{name}': use threshold, silo or greedy.", nameof(name)),
    };
}
