using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Observability;
using BackOfficeCloud.Messaging.Publishing;
using Dapr.Client;
using Microsoft.Extensions.Options;

namespace BackOfficeCloud.Messaging.Dapr;

/// <summary>
/// Publishes through the Dapr sidecar. The envelope is sent as a structured CloudEvent
/// (<c>application/cloudevents+json</c>), which Dapr forwards as is, so its id and <c>tenantid</c> survive; the
/// <c>partitionKey</c> metadata becomes the Kafka key. A CloudEvents batch goes as one bulk publish of its events
/// (each a structured CloudEvent, all under the batch's key).
/// </summary>
internal sealed class DaprEventTransport(DaprClient dapr, IOptions<MessagingOptions> options) : IEventTransport
{
    private const int Concurrency = 8;

    public async Task PublishAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (message, ct) =>
        {
            var metadata = new Dictionary<string, string> { ["partitionKey"] = message.Key };
            if (message.IsBatch)
            {
                await PublishBatchAsync(message, metadata, ct).ConfigureAwait(false);
            }
            else
            {
                await dapr.PublishByteEventAsync(
                    options.Value.PubSubName, message.Topic, message.Envelope, CloudEvent.StructuredContentType, metadata, ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        MessagingMetrics.CountPublished(messages);
    }

    private async Task PublishBatchAsync(OutboundMessage batch, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var events = CloudEventBatch.Split(batch.Envelope).Select(e => new StructuredCloudEvent(e)).ToList();
        var response = await dapr.BulkPublishEventAsync(options.Value.PubSubName, batch.Topic, events, metadata, cancellationToken).ConfigureAwait(false);
        if (response.FailedEntries.Count > 0)
        {
            // The whole row stays in the outbox and is published again; consumers skip the events they already applied.
            throw new global::Dapr.DaprException(
                $"Dapr bulk publish to '{batch.Topic}' failed for {response.FailedEntries.Count} of {events.Count} events: {response.FailedEntries[0].ErrorMessage}");
        }
    }
}
