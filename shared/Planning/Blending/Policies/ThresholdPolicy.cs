using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending;

/// <summary>
/// The default reservation policy: keep the queue's phone pool (agents on its contacts plus free agents) at the
/// Erlang C requirement for the next minutes' forecast, never fewer than <see cref="MinimumReserve"/> free agents,
/// plus <see cref="ExtraReserveWhenBehind"/> while the rolling service level is under target. Agents are recalled
/// only when free plus recalled agents drop <see cref="Hysteresis"/> below the reserve, so they do not flap between
/// the phones and the back office. Waiting contacts always trigger a recall; interruptible items are put down when
/// contacts have waited <see cref="InterruptAfter"/>.
/// </summary>
public sealed record ThresholdPolicy(
    int MinimumReserve = 1,
    int Hysteresis = 1,
    int ExtraReserveWhenBehind = 1,
    TimeSpan InterruptAfter = default,
    bool BackOfficeInPhoneBlock = false) : IBlendingPolicy
{
    public string Name => "threshold";

    public bool MayHandOutWork(ScheduledActivity activity) =>
        activity is ScheduledActivity.Flexible or ScheduledActivity.BackOffice
        || (activity == ScheduledActivity.Phone && BackOfficeInPhoneBlock);

    public int Reserve(in QueueView queue)
    {
        var behind = queue.RollingServiceLevel < queue.ServiceLevelTarget ? ExtraReserveWhenBehind : 0;
        return Math.Max(MinimumReserve, queue.RequiredAgents - queue.OnContacts) + behind;
    }

    public int RecallBelow(in QueueView queue) =>
        Math.Max(Reserve(queue) - Hysteresis, queue.Waiting);

    public bool MayInterrupt(in QueueView queue, bool itemInterruptible) =>
        itemInterruptible && queue.Waiting > queue.Free && queue.OldestWait >= InterruptAfter;
}
