namespace BackOfficeCloud.Planning.Blending.Model;

/// <summary>What the schedule says an agent should be doing now.</summary>
public enum ScheduledActivity
{
    /// <summary>Off shift, on a break or in a meeting: no work at all.</summary>
    Unavailable,

    /// <summary>A phone (immediate-queue) block: back-office work only if the policy allows it.</summary>
    Phone,

    /// <summary>A back-office block: the agent works items and is never recalled.</summary>
    BackOffice,

    /// <summary>A blended block: the policy decides between the queues and back-office work.</summary>
    Flexible,
}

/// <summary>What an agent is doing now.</summary>
public enum AgentActivity
{
    /// <summary>Not available (off schedule).</summary>
    Away,

    /// <summary>Idle and ready for a contact.</summary>
    Free,

    /// <summary>Handling a contact of an immediate queue.</summary>
    OnContact,

    /// <summary>Working a back-office item.</summary>
    OnItem,
}
