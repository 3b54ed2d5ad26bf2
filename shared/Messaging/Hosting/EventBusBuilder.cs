using BackOfficeCloud.Messaging.Consuming;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackOfficeCloud.Messaging.Hosting;

/// <summary>Declares what a service publishes and which handler applies each (topic, event type) it consumes.</summary>
public sealed class EventBusBuilder
{
    private readonly IServiceCollection _services;
    private readonly List<string> _topics;
    private readonly HashSet<(string Topic, string Type)> _handled = [];

    internal EventBusBuilder(IServiceCollection services, List<string> topics)
    {
        _services = services;
        _topics = topics;
    }

    /// <summary>Topics this service publishes to (created at start-up with their .dlq twins, on Kafka).</summary>
    public EventBusBuilder Publishes(params string[] topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        foreach (var topic in topics)
        {
            AddTopic(topic);
        }

        return this;
    }

    public EventBusBuilder Handles<TMessage, THandler>(string topic, string eventType)
        where TMessage : IMessage<TMessage>, new()
        where THandler : class, IEventHandler<TMessage>
    {
        Register(topic, eventType);
        _services.TryAddScoped<THandler>();
        _services.AddSingleton(EventHandlerRegistration.ForSingle<TMessage, THandler>(topic, eventType));
        return this;
    }

    public EventBusBuilder HandlesBatch<TMessage, THandler>(string topic, string eventType)
        where TMessage : IMessage<TMessage>, new()
        where THandler : class, IEventBatchHandler<TMessage>
    {
        Register(topic, eventType);
        _services.TryAddScoped<THandler>();
        _services.AddSingleton(EventHandlerRegistration.ForBatch<TMessage, THandler>(topic, eventType));
        return this;
    }

    private void Register(string topic, string eventType)
    {
        if (string.IsNullOrWhiteSpace(eventType))
        {
            throw new ArgumentException($"Event type '{eventType}' is empty (topic '{topic}').", nameof(eventType));
        }

        AddTopic(topic);
        if (!_handled.Add((topic, eventType)))
        {
            throw new ArgumentException($"Event type '{eventType}' on topic '{topic}' already has a handler.", nameof(eventType));
        }
    }

    private void AddTopic(string topic)
    {
        if (string.IsNullOrWhiteSpace(topic) || topic.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
        {
            throw new ArgumentException($"Topic '{topic}' is not a valid topic name (letters, digits, '.', '-', '_').", nameof(topic));
        }

        if (!_topics.Contains(topic))
        {
            _topics.Add(topic);
        }
    }
}
