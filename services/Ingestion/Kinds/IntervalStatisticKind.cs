using System.Globalization;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.Ingestion.Validation;
using BackOfficeCloud.Messaging.Publishing;
using Google.Protobuf;
using Npgsql;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>ACD interval rows, identified by queue, channel, interval start and length.</summary>
public sealed class IntervalStatisticKind : IRecordKind<IntervalStatistic>
{
    public RecordKind Kind => RecordKind.IntervalStatistic;

    public string Name => "interval_statistics";

    public MessageParser<IntervalStatistic> Parser => IntervalStatistic.Parser;

    public RecordTable<IntervalStatistic> Table { get; } = new("interval_statistics", "record_id",
    [
        Column.Text<IntervalStatistic>("queue", s => s.Queue),
        Column.Enum<IntervalStatistic, Channel>("channel", s => s.Channel),
        Column.Instant<IntervalStatistic>("interval_start", s => s.IntervalStart),
        Column.Int<IntervalStatistic>("interval_minutes", s => s.IntervalMinutes),
        Column.Long<IntervalStatistic>("offered", s => s.Offered),
        Column.Long<IntervalStatistic>("handled", s => s.Handled),
        Column.Long<IntervalStatistic>("abandoned", s => s.Abandoned),
        Column.Double<IntervalStatistic>("average_handle_seconds", s => s.AverageHandleSeconds),
        Column.Long<IntervalStatistic>("answered_within_threshold", s => s.AnsweredWithinThreshold),
        Column.Double<IntervalStatistic>("threshold_seconds", s => s.ThresholdSeconds),
    ]);

    public string SourceId(IntervalStatistic record) =>
        string.Create(CultureInfo.InvariantCulture, $"{record.Queue}|{WireName.Of(record.Channel)}|{record.IntervalStart.ToDateTimeOffset():O}|{record.IntervalMinutes}");

    public string? QueueOf(IntervalStatistic record) => record.Queue;

    public DateTimeOffset? OccurredAt(IntervalStatistic record) => record.IntervalStart?.ToDateTimeOffset().AddMinutes(record.IntervalMinutes);

    public void Validate(IntervalStatistic record, RowErrors errors, IngestContext context) => IntervalStatisticValidator.Validate(record, errors, context);

    public Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<IntervalStatistic>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutgoingEvent>>(changed.Select(s => new OutgoingEvent(
            Topics.IngestionIntervalStats, EventTypes.IntervalStatisticIngested, tenant, s.SourceId, new IntervalStatisticIngested
            {
                Queue = s.Record.Queue,
                Channel = WireName.Of(s.Record.Channel),
                IntervalStart = s.Record.IntervalStart,
                IntervalMinutes = s.Record.IntervalMinutes,
                Offered = s.Record.Offered,
                Handled = s.Record.Handled,
                Abandoned = s.Record.Abandoned,
                AverageHandleSeconds = s.Record.AverageHandleSeconds,
                AnsweredWithinThreshold = s.Record.AnsweredWithinThreshold,
                ThresholdSeconds = s.Record.ThresholdSeconds,
                Version = s.Version,
            })).ToList());
}
