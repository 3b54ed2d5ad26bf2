namespace BackOfficeCloud.Messaging.Consuming;

/// <summary>What a handler knows about the event it applies, besides the payload.</summary>
public sealed record EventContext(
    string Id, string Topic, string Type, string Source, string TenantId, string? Subject, DateTimeOffset Time);

/// <summary>One event of a batch handed to an <see cref="IEventBatchHandler{TMessage}"/>.</summary>
public sealed record ConsumedEvent<TMessage>(EventContext Context, TMessage Payload);
