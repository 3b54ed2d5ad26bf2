using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>Queue definitions of the roster; their names are what other kinds' queue fields must be.</summary>
public sealed class RosterQueueKind() : RecordKindBase<RosterQueue>(
    RecordKind.RosterQueue, "roster_queues", RosterQueue.Parser, new RecordTable<RosterQueue>("roster_queues", "record_id",
    [
        Column.Enum<RosterQueue, Channel>("channel", q => q.Channel),
        Column.Bool<RosterQueue>("is_deferrable", q => q.Deferrable),
        Column.Double<RosterQueue>("target_service_level", q => q.TargetServiceLevel),
        Column.Double<RosterQueue>("target_seconds", q => q.TargetSeconds),
        Column.Double<RosterQueue>("deadline_business_hours", q => q.DeadlineBusinessHours),
        Column.JsonArray<RosterQueue>("open_hours", q => q.OpenHours),
        Column.TextArray<RosterQueue>("closed_dates", q => q.ClosedDates),
        Column.Text<RosterQueue>("time_zone", q => q.TimeZone),
        Column.Int<RosterQueue>("concurrency", q => q.Concurrency),
    ]))
{
    public override string SourceId(RosterQueue record) => record.Queue;

    public override void Validate(RosterQueue record, RowErrors errors, IngestContext context) => RosterValidator.Validate(record, errors);

    public override Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<RosterQueue>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        EachOf(changed, s => new OutgoingEvent(
            Topics.IngestionRoster, EventTypes.RosterQueueUpdated, tenant, "queue:" + s.SourceId, new RosterQueueUpdated
            {
                Queue = s.Record.Queue,
                Channel = WireName.Of(s.Record.Channel),
                Deferrable = s.Record.Deferrable,
                TargetServiceLevel = s.Record.TargetServiceLevel,
                TargetSeconds = s.Record.TargetSeconds,
                DeadlineBusinessHours = s.Record.DeadlineBusinessHours,
                TimeZone = s.Record.TimeZone,
                Concurrency = s.Record.Concurrency,
                Version = s.Version,
                OpenHours = { s.Record.OpenHours },
                ClosedDates = { s.Record.ClosedDates },
            }));
}
