using BackOfficeCloud.Messaging.Envelope;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackOfficeCloud.Messaging.Consuming;

/// <summary>Which handler applies events of one type on one topic, with the payload parsing bound in.</summary>
internal sealed record EventHandlerRegistration(
    string Topic, string Type, Func<IServiceProvider, IReadOnlyList<ReceivedEvent>, NpgsqlTransaction, CancellationToken, Task> Apply)
{
    public static EventHandlerRegistration ForSingle<TMessage, THandler>(string topic, string type)
        where TMessage : IMessage<TMessage>, new()
        where THandler : IEventHandler<TMessage> =>
        new(topic, type, async (services, events, transaction, cancellationToken) =>
        {
            var handler = services.GetRequiredService<THandler>();
            foreach (var received in events)
            {
                await handler.HandleAsync(received.Context, ProtoJson.ParseData<TMessage>(received.Event), transaction, cancellationToken).ConfigureAwait(false);
            }
        });

    public static EventHandlerRegistration ForBatch<TMessage, THandler>(string topic, string type)
        where TMessage : IMessage<TMessage>, new()
        where THandler : IEventBatchHandler<TMessage> =>
        new(topic, type, (services, events, transaction, cancellationToken) =>
            services.GetRequiredService<THandler>().HandleAsync(
                events.Select(e => new ConsumedEvent<TMessage>(e.Context, ProtoJson.ParseData<TMessage>(e.Event))).ToList(),
                transaction, cancellationToken));
}
