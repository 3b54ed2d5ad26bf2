using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.Messaging.Outbox;
using BackOfficeCloud.Messaging.Publishing;
using Npgsql;

namespace BackOfficeCloud.Ingestion.Events;

/// <summary>Writes an <c>InteractionIngested</c> event to the outbox for every interaction a batch added or corrected.</summary>
public sealed class InteractionEvents(IEventOutbox outbox)
{
    public Task EnqueueAsync(string tenantId, IReadOnlyList<StoredInteraction> stored, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var events = stored
            .Where(s => s.Outcome != StoreOutcome.Duplicate)
            .Select(s => new OutgoingEvent(Topics.IngestionInteractions, EventTypes.InteractionIngested, tenantId, s.InteractionId.ToString(), ToEvent(s)))
            .ToList();
        return events.Count == 0 ? Task.CompletedTask : outbox.EnqueueAsync(transaction, events, cancellationToken);
    }

    private static InteractionIngested ToEvent(StoredInteraction s)
    {
        var i = s.Interaction;
        return new InteractionIngested
        {
            InteractionId = s.InteractionId.ToString(),
            SourceId = i.SourceId,
            Channel = InteractionStore.ChannelName(i.Channel),
            Queue = i.Queue,
            ArrivedAt = i.ArrivedAt,
            AnsweredAt = i.AnsweredAt,
            EndedAt = i.EndedAt,
            Abandoned = i.Abandoned,
            HandleSeconds = i.TalkSeconds + i.HoldSeconds + i.WrapSeconds,
            Version = s.Version,
        };
    }
}
