using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Kafka;
using BackOfficeCloud.Messaging.Observability;
using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BackOfficeCloud.Messaging.Dapr;

/// <summary>
/// One route per subscribed topic (<c>POST /events/{topic}</c>), listed by <c>/dapr/subscribe</c> with the topic's
/// <c>.dlq</c> as Dapr's dead-letter topic. The routes read the structured CloudEvent themselves instead of using
/// Dapr's CloudEvents middleware, which would strip the envelope (id, <c>tenantid</c>) the inbox and tenancy need.
/// </summary>
internal static class DaprSubscriptions
{
    public static string RouteFor(string topic) => $"/events/{topic}";

    public static void Map(IEndpointRouteBuilder endpoints, string pubSubName, IReadOnlyList<string> topics)
    {
        endpoints.MapSubscribeHandler();
        foreach (var topic in topics)
        {
            endpoints.MapPost(RouteFor(topic), (HttpRequest request, ResilientApplier applier, CancellationToken ct) => DeliverAsync(topic, request, applier, ct))
                .WithTopic(new TopicOptions { PubsubName = pubSubName, Name = topic, DeadLetterTopic = KafkaDeadLetters.TopicFor(topic) });
        }
    }

    // Dapr reads the outcome from the body: SUCCESS acknowledges, RETRY redelivers, DROP sends to the dead-letter topic.
    private static async Task<IResult> DeliverAsync(string topic, HttpRequest request, ResilientApplier applier, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        ReceivedEvent received;
        try
        {
            received = new ReceivedEvent(topic, CloudEventJson.Parse(body.ToArray()));
        }
        catch (FormatException)
        {
            return Drop(topic);
        }

        try
        {
            var poison = await applier.ApplyAsync([received], cancellationToken).ConfigureAwait(false);
            return poison.Count == 0 ? Status("SUCCESS") : Drop(topic);
        }
        catch (Exception ex) when (ResilientApplier.IsInfrastructureFailure(ex))
        {
            return Status("RETRY");
        }
    }

    private static IResult Drop(string topic)
    {
        MessagingMetrics.DeadLettered.WithLabels(topic).Inc();
        return Status("DROP");
    }

    private static IResult Status(string status) => Results.Json(new { status });
}
