namespace BackOfficeCloud.Planning.Simulation;

/// <summary>
/// How to run: <see cref="Replications"/> independent runs, replication r seeded with <see cref="Seed"/> + r (so a
/// run is reproducible), at most <see cref="MaxParallelism"/> at a time (results do not depend on it).
/// </summary>
public sealed record SimulationOptions(int Replications = 10, int Seed = 1, int MaxParallelism = 1)
{
    public void Validate()
    {
        if (Replications < 1)
        {
            throw new ArgumentException($"Replications is {Replications}: run at least one.", nameof(Replications));
        }

        if (MaxParallelism < 1)
        {
            throw new ArgumentException($"MaxParallelism is {MaxParallelism}: it must be at least 1.", nameof(MaxParallelism));
        }
    }
}
