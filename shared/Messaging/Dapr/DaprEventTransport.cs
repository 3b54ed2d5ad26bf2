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
/// <c>partitionKey</c> metadata becomes the Kafka key.
/// </summary>
internal sealed class DaprEventTransport(DaprClient dapr, IOptions<MessagingOptions> options) : IEventTransport
{
    private const int Concurrency = 8;

    public Task PublishAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (message, ct) =>
        {
            await dapr.PublishByteEventAsync(
                options.Value.PubSubName, message.Topic, message.Envelope, CloudEvent.StructuredContentType,
                new Dictionary<string, string> { ["partitionKey"] = message.Key }, ct).ConfigureAwait(false);
            MessagingMetrics.Published.WithLabels(message.Topic).Inc();
        });
}
