using Google.Protobuf;

namespace BackOfficeCloud.Messaging.Publishing;

/// <summary>An event a service publishes: the topic and versioned type are the caller's constants.</summary>
/// <param name="EntityId">The entity the event is about; the Kafka key is tenant id + entity id, so order holds per entity.</param>
public sealed record OutgoingEvent(string Topic, string Type, string TenantId, string EntityId, IMessage Payload)
{
    public string Key => $"{TenantId}:{EntityId}";

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Topic))
        {
            throw new ArgumentException($"Event topic '{Topic}' is empty.", nameof(Topic));
        }

        if (string.IsNullOrWhiteSpace(Type))
        {
            throw new ArgumentException($"Event type '{Type}' is empty (topic '{Topic}').", nameof(Type));
        }

        if (!Data.TenantId.IsValid(TenantId))
        {
            throw new ArgumentException($"Event tenant id '{TenantId}' is not a valid tenant id.", nameof(TenantId));
        }

        if (string.IsNullOrWhiteSpace(EntityId))
        {
            throw new ArgumentException($"Event entity id '{EntityId}' is empty (type '{Type}').", nameof(EntityId));
        }

        ArgumentNullException.ThrowIfNull(Payload);
    }
}
