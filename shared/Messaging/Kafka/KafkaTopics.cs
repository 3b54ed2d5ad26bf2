using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOfficeCloud.Messaging.Kafka;

/// <summary>The topics this service publishes to and consumes from.</summary>
public sealed record EventTopics(IReadOnlyList<string> Names);

/// <summary>
/// Creates the service's topics and their <c>.dlq</c> twins at start-up with <c>Kafka:Partitions</c> partitions.
/// Topics that exist are left alone. The dev broker (librdkafka's mock cluster) has no CreateTopics API: there the
/// topics are created by the broker host and this only logs that it relied on that.
/// </summary>
public sealed partial class KafkaTopics(KafkaClients clients, EventTopics topics, ILogger<KafkaTopics> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var names = topics.Names.SelectMany(t => new[] { t, KafkaDeadLetters.TopicFor(t) }).Distinct().ToList();
        if (names.Count == 0)
        {
            return;
        }

        using var admin = clients.CreateAdminClient();
        var specifications = names.Select(n => new TopicSpecification
        {
            Name = n, NumPartitions = clients.Options.Partitions, ReplicationFactor = clients.Options.ReplicationFactor,
        });
        try
        {
            await admin.CreateTopicsAsync(specifications, new CreateTopicsOptions { RequestTimeout = TimeSpan.FromSeconds(15) }).ConfigureAwait(false);
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // created what was missing
        }
        catch (KafkaException ex) when (ex is not CreateTopicsException)
        {
            LogCannotCreateTopics(string.Join(", ", names), ex.Error.Reason);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Kafka did not create topics {Topics} ({Reason}); relying on topics created by the broker's host or auto-creation")]
    private partial void LogCannotCreateTopics(string topics, string reason);
}
