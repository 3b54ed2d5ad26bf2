using Google.Protobuf;
using Npgsql;

namespace BackOfficeCloud.Messaging.Consuming;

/// <summary>
/// Applies one event. The bus opened <paramref name="transaction"/> for the event's tenant (row-level security is on)
/// and records the event id in the inbox in it: write the effect in the same transaction and do not commit it.
/// </summary>
public interface IEventHandler<in TMessage> where TMessage : IMessage<TMessage>, new()
{
    Task HandleAsync(EventContext context, TMessage payload, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}

/// <summary>
/// Applies many events of one type and one tenant in one transaction (the fast path: one statement for the batch).
/// Redeliveries are already filtered out.
/// </summary>
public interface IEventBatchHandler<TMessage> where TMessage : IMessage<TMessage>, new()
{
    Task HandleAsync(IReadOnlyList<ConsumedEvent<TMessage>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}
