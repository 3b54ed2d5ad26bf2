using BackOfficeCloud.Messaging.Envelope;

namespace BackOfficeCloud.Messaging.Consuming;

/// <summary>An event as it came off a topic, before any handler ran.</summary>
public sealed record ReceivedEvent(string Topic, CloudEvent Event)
{
    public EventContext Context => new(Event.Id, Topic, Event.Type, Event.Source, Event.TenantId, Event.Subject, Event.Time);
}
