using System.Globalization;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Blending.Decisions;

/// <summary>Supervisor-readable sentences for decision reasons.</summary>
public static class ReasonText
{
    public static string Describe(DecisionReason reason, BlendingSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var queue = reason.Queue >= 0 && reason.Queue < setup.Queues.Count ? setup.Queues[reason.Queue].Name : "";
        var ic = CultureInfo.InvariantCulture;
        return reason.Code switch
        {
            ReasonCode.OffSchedule => "Not scheduled to work now.",
            ReasonCode.ContactsWaiting => $"Contacts are waiting in {queue}.",
            ReasonCode.ReserveNeeded => string.Create(ic,
                $"{queue} needs {reason.Reserve} free agents for the next minutes' forecast and has {reason.Free} ({reason.Policy} policy)."),
            ReasonCode.RecalledToQueue => $"Recalled to {queue}.",
            ReasonCode.PhoneBlock => "Scheduled on the phones: no back-office work in a phone block.",
            ReasonCode.PolicyKeepsOnPhones => $"The {reason.Policy} policy keeps this agent on the queues.",
            ReasonCode.NoEligibleWork => "No open back-office item matches this agent's skills.",
            ReasonCode.MostUrgentItem => string.Create(ic,
                $"Most urgent item for this agent's skills: {reason.SlackMinutes:0} min of slack to its deadline after the backlog ahead."),
            ReasonCode.SameCustomer => string.Create(ic,
                $"Same customer as the previous item and nothing more urgent ({reason.SlackMinutes:0} min of slack)."),
            ReasonCode.QueueShortOfAgents => string.Create(ic,
                $"{queue} has {reason.Free} free agents against a reserve of {reason.Reserve} ({reason.Policy} policy)."),
            ReasonCode.SupervisorOverride => "Decided by a supervisor.",
            _ => reason.Code.ToString(),
        };
    }
}
