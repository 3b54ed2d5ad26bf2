using BackOfficeCloud.Contracts.Events.V1;
using Google.Protobuf;

namespace BackOfficeCloud.Blending.Handlers;

/// <summary>The fields blending cannot do without; the exception names the event type, the field and its value.</summary>
public static class EventValidation
{
    public static void Check(IMessage payload)
    {
        switch (payload)
        {
            case AgentStateChanged e:
                Require(e.AgentId, "AgentStateChanged.agent_id");
                Require(e.State, "AgentStateChanged.state");
                break;
            case InteractionIngested e:
                Require(e.InteractionId, "InteractionIngested.interaction_id");
                Require(e.Queue, "InteractionIngested.queue");
                break;
            case WorkItemEventIngested e:
                Require(e.WorkItemId, "WorkItemEventIngested.work_item_id");
                Require(e.Queue.Length > 0 ? e.Queue : e.WorkType, "WorkItemEventIngested.queue");
                if (e.EffortMinutes < 0)
                {
                    throw new ArgumentException($"WorkItemEventIngested.effort_minutes is {e.EffortMinutes}: it must not be negative.", nameof(payload));
                }

                break;
            case RosterAgentUpdated e:
                Require(e.AgentId, "RosterAgentUpdated.agent_id");
                break;
            case RosterQueueUpdated e:
                Require(e.Queue, "RosterQueueUpdated.queue");
                break;
        }
    }

    private static void Require(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is '{value}': blending needs it.", field);
        }
    }
}
