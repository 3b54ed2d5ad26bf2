namespace BackOfficeCloud.Planning.Blending.Decisions;

public enum ReasonCode
{
    OffSchedule,
    ContactsWaiting,
    ReserveNeeded,
    RecalledToQueue,
    PhoneBlock,
    PolicyKeepsOnPhones,
    NoEligibleWork,
    MostUrgentItem,
    SameCustomer,
    QueueShortOfAgents,
    SupervisorOverride,
}

/// <summary>
/// Why a decision was taken, as numbers (so deciding allocates nothing): the queue concerned, free agents and the
/// reserve the policy wanted at that moment, the item's slack to its deadline in minutes and the policy's name.
/// </summary>
public readonly record struct DecisionReason(
    ReasonCode Code,
    int Queue = -1,
    int Free = 0,
    int Reserve = 0,
    double SlackMinutes = 0,
    string Policy = "");
