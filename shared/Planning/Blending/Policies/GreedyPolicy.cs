using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending;

/// <summary>
/// Always hands out back-office work to an idle agent with no contact waiting (no reserve); agents are recalled at
/// the end of their item only when contacts wait. The baseline that shows what a reserve buys.
/// </summary>
public sealed record GreedyPolicy(bool BackOfficeInPhoneBlock = false) : IBlendingPolicy
{
    public string Name => "greedy";

    public bool MayHandOutWork(ScheduledActivity activity) =>
        activity is ScheduledActivity.Flexible or ScheduledActivity.BackOffice
        || (activity == ScheduledActivity.Phone && BackOfficeInPhoneBlock);

    public int Reserve(in QueueView queue) => 0;

    public int RecallBelow(in QueueView queue) => queue.Waiting;

    public bool MayInterrupt(in QueueView queue, bool itemInterruptible) => false;
}
