using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Kafka;
using BackOfficeCloud.Messaging.Observability;
using Dapr;
using Dapr.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BackOfficeCloud.Messaging.Dapr;

/// <summary>
/// One route per subscribed topic (<c>POST /events/{topic}</c>), listed by <c>/dapr/subscribe</c> with the topic's
/// <c>.dlq</c> as Dapr's dead-letter topic and bulk subscribe on. The routes read the structured CloudEvent themselves
/// instead of using Dapr's CloudEvents middleware, which would strip the envelope (id, <c>tenantid</c>) the inbox and
/// tenancy need. A route takes one CloudEvent or a bulk delivery of many (applied together, answered per entry).
/// </summary>
internal static class DaprSubscriptions
{
    private const int BulkMaxAwaitMs = 100;
    private const string Success = "SUCCESS";
    private const string Retry = "RETRY";

    public static string RouteFor(string topic) => $"/events/{topic}";

    public static void Map(IEndpointRouteBuilder endpoints, string pubSubName, IReadOnlyList<string> topics, int bulkMaxMessages)
    {
        endpoints.MapSubscribeHandler();
        foreach (var topic in topics)
        {
            endpoints.MapPost(RouteFor(topic), (HttpRequest request, ResilientApplier applier, CancellationToken ct) => DeliverAsync(topic, request, applier, ct))
                .WithTopic(new TopicOptions { PubsubName = pubSubName, Name = topic, DeadLetterTopic = KafkaDeadLetters.TopicFor(topic) })
                .WithBulkSubscribe(new BulkSubscribeTopicOptions { TopicName = topic, MaxMessagesCount = bulkMaxMessages, MaxAwaitDurationMs = BulkMaxAwaitMs });
        }
    }

    // Dapr reads the outcome from the body: SUCCESS acknowledges, RETRY redelivers, DROP sends to the dead-letter topic.
    private static async Task<IResult> DeliverAsync(string topic, HttpRequest request, ResilientApplier applier, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        var bytes = body.ToArray();
        var bulk = request.ContentType?.StartsWith(Envelope.CloudEvent.StructuredContentType, StringComparison.OrdinalIgnoreCase) == true ? null : DaprBulkMessage.TryRead(bytes);
        if (bulk is not null)
        {
            var statuses = await ApplyAsync(topic, bulk, applier, cancellationToken).ConfigureAwait(false);
            return Results.Json(new { statuses = bulk.Select((entry, i) => new { entryId = entry.EntryId, status = statuses[i] }) });
        }

        var status = await ApplyAsync(topic, [new DaprBulkEntry("", bytes)], applier, cancellationToken).ConfigureAwait(false);
        return Results.Json(new { status = status[0] });
    }

    /// <summary>Applies the entries' events together; answers each entry's status, in order.</summary>
    private static async Task<string[]> ApplyAsync(string topic, IReadOnlyList<DaprBulkEntry> entries, ResilientApplier applier, CancellationToken cancellationToken)
    {
        var statuses = new string[entries.Count];
        var received = new List<ReceivedEvent>(entries.Count);
        var entryOf = new Dictionary<ReceivedEvent, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < entries.Count; i++)
        {
            try
            {
                var parsed = new ReceivedEvent(topic, CloudEventJson.Parse(entries[i].Event));
                received.Add(parsed);
                entryOf.Add(parsed, i);
                statuses[i] = Success;
            }
            catch (FormatException)
            {
                statuses[i] = Drop(topic);
            }
        }

        try
        {
            foreach (var poison in await applier.ApplyAsync(received, cancellationToken).ConfigureAwait(false))
            {
                statuses[entryOf[poison.Received]] = Drop(topic);
            }
        }
        catch (Exception ex) when (ResilientApplier.IsInfrastructureFailure(ex))
        {
            foreach (var index in entryOf.Values)
            {
                statuses[index] = Retry;
            }
        }

        return statuses;
    }

    private static string Drop(string topic)
    {
        MessagingMetrics.DeadLettered.WithLabels(topic).Inc();
        return "DROP";
    }
}
