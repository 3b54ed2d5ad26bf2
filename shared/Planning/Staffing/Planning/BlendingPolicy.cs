namespace BackOfficeCloud.Planning.Staffing.Planning;

/// <summary>How far deferrable work may use the idle time between contacts of agents staffed for immediate queues.</summary>
/// <param name="IdleShare">0: never (they only share the pool between intervals); 1: all of it. Keeping some idle time
/// free protects the immediate service level when an agent is busy on an item as a contact arrives.</param>
public sealed record BlendingPolicy(double IdleShare)
{
    public static BlendingPolicy NoIdleTime { get; } = new(0);

    public void Validate()
    {
        if (!(IdleShare >= 0 && IdleShare <= 1))
        {
            throw new ArgumentException($"Blending idle share {IdleShare} must be between 0 and 1.", nameof(IdleShare));
        }
    }
}
