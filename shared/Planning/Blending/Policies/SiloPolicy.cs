using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending;

/// <summary>
/// No blending: back-office work goes only to agents scheduled in a back-office block, everyone else (flexible
/// included) stays on the queues, and nobody is ever recalled. The silo operation blending is compared against.
/// </summary>
public sealed record SiloPolicy : IBlendingPolicy
{
    public string Name => "silo";

    public bool MayHandOutWork(ScheduledActivity activity) => activity == ScheduledActivity.BackOffice;

    public int Reserve(in QueueView queue) => 0;

    public int RecallBelow(in QueueView queue) => 0;

    public bool MayInterrupt(in QueueView queue, bool itemInterruptible) => false;
}
