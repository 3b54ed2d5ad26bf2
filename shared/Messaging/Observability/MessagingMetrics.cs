using BackOfficeCloud.Messaging.Publishing;
using Prometheus;

namespace BackOfficeCloud.Messaging.Observability;

/// <summary>
/// The bus's Prometheus metrics. Labels are bounded (topic, event type); never a tenant.
/// </summary>
public static class MessagingMetrics
{
    public static readonly Counter Published = Metrics.CreateCounter(
        "bocloud_events_published_total", "Events the broker acknowledged.", "topic");

    public static readonly Counter Consumed = Metrics.CreateCounter(
        "bocloud_events_consumed_total", "Events applied by a handler (redeliveries skipped by the inbox included).", "topic", "type");

    public static readonly Counter Failed = Metrics.CreateCounter(
        "bocloud_events_failed_total", "Handler attempts that threw.", "topic", "type");

    public static readonly Counter DeadLettered = Metrics.CreateCounter(
        "bocloud_events_dead_lettered_total", "Events sent to the topic's .dlq after their retries.", "topic");

    public static readonly Gauge ConsumerLag = Metrics.CreateGauge(
        "bocloud_consumer_lag", "Messages on the topic not yet consumed by this service's consumer group.", "topic");

    public static readonly Gauge OutboxBacklog = Metrics.CreateGauge(
        "bocloud_outbox_backlog", "Events in this service's outbox not yet published.");

    public static readonly Histogram HandlerDuration = Metrics.CreateHistogram(
        "bocloud_event_handler_duration_seconds", "Time to apply a batch of events of one type in one transaction.",
        new HistogramConfiguration
        {
            LabelNames = ["topic", "type"],
            Buckets = Histogram.ExponentialBuckets(0.001, 2, 14),
        });

    /// <summary>Counts acknowledged messages as the events they carry (a CloudEvents batch counts each of its events).</summary>
    internal static void CountPublished(IReadOnlyList<OutboundMessage> messages)
    {
        foreach (var topic in messages.GroupBy(m => m.Topic, StringComparer.Ordinal))
        {
            Published.WithLabels(topic.Key).Inc(topic.Sum(m => m.BatchEvents ?? 1));
        }
    }
}
