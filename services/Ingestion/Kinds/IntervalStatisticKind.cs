using System.Globalization;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>ACD interval rows, identified by queue, channel, interval start and length.</summary>
public sealed class IntervalStatisticKind() : RecordKindBase<IntervalStatistic>(
    RecordKind.IntervalStatistic, "interval_statistics", IntervalStatistic.Parser, new RecordTable<IntervalStatistic>("interval_statistics", "record_id",
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
    ]))
{
    public override string SourceId(IntervalStatistic record) =>
        string.Create(CultureInfo.InvariantCulture, $"{record.Queue}|{WireName.Of(record.Channel)}|{record.IntervalStart.ToDateTimeOffset():O}|{record.IntervalMinutes}");

    public override string? QueueOf(IntervalStatistic record) => record.Queue;

    public override DateTimeOffset? OccurredAt(IntervalStatistic record) => record.IntervalStart?.ToDateTimeOffset().AddMinutes(record.IntervalMinutes);

    public override void Validate(IntervalStatistic record, RowErrors errors, IngestContext context) => IntervalStatisticValidator.Validate(record, errors, context);

    public override Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<IntervalStatistic>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        EachOf(changed, s => new OutgoingEvent(
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
            }));
}
