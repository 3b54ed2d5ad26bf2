using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Messaging.Dapr;
using BackOfficeCloud.Messaging.Kafka;
using BackOfficeCloud.Messaging.Outbox;
using BackOfficeCloud.Messaging.Publishing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOfficeCloud.Messaging.Hosting;

public static class EventBusExtensions
{
    /// <summary>
    /// Adds the event bus of the service <paramref name="appId"/>: outbox and relay, inbox, and the transport named by
    /// <c>Messaging:Transport</c>. Call after <c>AddServiceDatabase(schema, ..., MessagingMigrations.Assembly)</c>, whose
    /// schema holds the outbox and inbox and whose migrations must run before the relay and consumer start.
    /// </summary>
    public static EventBusBuilder AddEventBus(this IHostApplicationBuilder builder, string appId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(appId) || !appId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"App id '{appId}' must be kebab-case (lower-case letters, digits, '-').", nameof(appId));
        }

        var messaging = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        messaging.Validate();
        var services = builder.Services;
        var topics = new List<string>();
        services.AddSingleton(Options.Create(messaging));
        services.AddSingleton(new EventBusIdentity(appId));
        services.AddSingleton(new EventTopics(topics));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new EnvelopeFactory(appId, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IEventOutbox>(sp => new EventOutbox(
            sp.GetRequiredService<ServiceSchema>().Name, sp.GetRequiredService<EnvelopeFactory>(), messaging.BatchMaxEvents, messaging.BatchMaxBytes));
        services.AddSingleton<IEventPublisher, EventPublisher>();
        services.AddSingleton(sp => new EventDispatcher(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ServiceSchema>(), sp.GetRequiredService<EventBusIdentity>(),
            sp.GetServices<EventHandlerRegistration>(), sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<ResilientApplier>();

        if (messaging.Transport == MessagingOptions.KafkaTransport)
        {
            var kafka = builder.Configuration.GetSection(KafkaOptions.Section).Get<KafkaOptions>() ?? new KafkaOptions();
            kafka.Validate();
            services.AddSingleton(Options.Create(kafka));
            services.AddSingleton<KafkaClients>();
            services.AddSingleton<IEventTransport, KafkaEventTransport>();
            services.AddSingleton<KafkaDeadLetters>();
            services.AddHostedService<KafkaTopics>();
            services.AddHealthChecks().AddCheck<KafkaHealthCheck>("kafka", tags: ["ready"]);
        }
        else
        {
            services.AddDaprClient(dapr =>
            {
                if (messaging.DaprGrpcEndpoint.Length > 0)
                {
                    dapr.UseGrpcEndpoint(messaging.DaprGrpcEndpoint);
                }
            });
            services.AddSingleton<IEventTransport, DaprEventTransport>();
        }

        services.AddSingleton<OutboxRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        if (messaging.Transport == MessagingOptions.KafkaTransport)
        {
            services.AddHostedService<KafkaEventConsumer>();
        }

        return new EventBusBuilder(services, topics);
    }

    /// <summary>With the <c>dapr</c> transport: <c>/dapr/subscribe</c> and one route per subscribed topic. Nothing with <c>kafka</c>.</summary>
    public static IEndpointRouteBuilder MapEventBus(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var messaging = endpoints.ServiceProvider.GetRequiredService<IOptions<MessagingOptions>>().Value;
        if (messaging.Transport == MessagingOptions.DaprTransport)
        {
            DaprSubscriptions.Map(
                endpoints, messaging.PubSubName, endpoints.ServiceProvider.GetRequiredService<EventDispatcher>().Topics, messaging.ConsumerBatchSize);
        }

        return endpoints;
    }
}
