using BackOfficeCloud.Blending.Live;
using BackOfficeCloud.Messaging.Consuming;
using Google.Protobuf;
using Npgsql;

namespace BackOfficeCloud.Blending.Handlers;

/// <summary>
/// Applies consumed events to the tenant's desk as facts, in the bus's transaction: the facts, the tasks they decide and
/// the decision events commit with the inbox record. An event missing what it needs is refused, naming the field
/// (after its retries it goes to the dead-letter topic).
/// </summary>
public sealed class FactHandler<TMessage>(TenantDesks desks) : IEventBatchHandler<TMessage> where TMessage : IMessage<TMessage>, new()
{
    public async Task HandleAsync(IReadOnlyList<ConsumedEvent<TMessage>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var tenant in events.GroupBy(e => e.Context.TenantId, StringComparer.Ordinal))
        {
            var facts = tenant.Select(e =>
            {
                EventValidation.Check(e.Payload);
                return new Fact(e.Context.Type, FactTime.Of(e.Payload, e.Context.Time), e.Payload);
            }).ToList();
            await desks.ApplyAsync(tenant.Key, transaction, _ => facts, cancellationToken).ConfigureAwait(false);
        }
    }
}
