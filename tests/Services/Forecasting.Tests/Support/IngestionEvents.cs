using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Publishing;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Forecasting.Tests.Support;

/// <summary>The events Ingestion publishes, as a test writes them.</summary>
public static class IngestionEvents
{
    public static OutgoingEvent Interaction(string tenant, string id, string queue, DateTimeOffset arrivedAt, bool abandoned, double handleSeconds, int version) =>
        new(Topics.IngestionInteractions, EventTypes.InteractionIngested, tenant, id, new InteractionIngested
        {
            InteractionId = id,
            SourceId = id,
            Channel = "voice",
            Queue = queue,
            ArrivedAt = Timestamp.FromDateTimeOffset(arrivedAt),
            Abandoned = abandoned,
            HandleSeconds = handleSeconds,
            Version = version,
        });

    public static OutgoingEvent Statistic(string tenant, string queue, DateTimeOffset start, int minutes, long offered, double averageHandleSeconds, int version = 1) =>
        new(Topics.IngestionIntervalStats, EventTypes.IntervalStatisticIngested, tenant, $"{queue}@{start:O}", new IntervalStatisticIngested
        {
            Queue = queue,
            Channel = "voice",
            IntervalStart = Timestamp.FromDateTimeOffset(start),
            IntervalMinutes = minutes,
            Offered = offered,
            Handled = offered,
            AverageHandleSeconds = averageHandleSeconds,
            Version = version,
        });

    public static OutgoingEvent WorkItem(string tenant, string id, string workType, string lifecycleEvent, DateTimeOffset createdAt, double effortMinutes, int version) =>
        new(Topics.IngestionWorkItems, EventTypes.WorkItemEventIngested, tenant, id, new WorkItemEventIngested
        {
            WorkItemId = id,
            SourceId = id,
            Event = lifecycleEvent,
            OccurredAt = Timestamp.FromDateTimeOffset(createdAt),
            WorkType = workType,
            Queue = "back-office",
            CreatedAt = Timestamp.FromDateTimeOffset(createdAt),
            EffortMinutes = effortMinutes,
            Status = "open",
            Version = version,
        });

    public static OutgoingEvent Queue(string tenant, string queue, string timeZone, int version = 1) =>
        new(Topics.IngestionRoster, EventTypes.RosterQueueUpdated, tenant, queue, new RosterQueueUpdated
        {
            Queue = queue,
            Channel = "voice",
            TimeZone = timeZone,
            Version = version,
        });
}
