using BackOfficeCloud.Contracts;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>Lifecycle events of stored work items; each moves its item's status and is published with the item's state.</summary>
public sealed class WorkItemEventKind() : RecordKindBase<WorkItemEvent>(
    RecordKind.WorkItemEvent, "work_item_events", WorkItemEvent.Parser, new RecordTable<WorkItemEvent>("work_item_events", "record_id",
    [
        Column.Text<WorkItemEvent>("work_item_id", e => e.WorkItemId),
        Column.Enum<WorkItemEvent, WorkItemEventType>("event", e => e.Event),
        Column.Instant<WorkItemEvent>("occurred_at", e => e.OccurredAt),
        Column.Text<WorkItemEvent>("actor", e => e.Actor),
        Column.Instant<WorkItemEvent>("pended_until", e => e.PendedUntil),
    ]))
{
    public override string SourceId(WorkItemEvent record) => record.SourceId;

    public override string? WorkItemOf(WorkItemEvent record) => record.WorkItemId;

    public override DateTimeOffset? OccurredAt(WorkItemEvent record) => record.OccurredAt?.ToDateTimeOffset();

    public override void Validate(WorkItemEvent record, RowErrors errors, IngestContext context) => WorkItemValidator.Validate(record, errors, context);

    public override async Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<WorkItemEvent>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var items = changed.Select(s => s.Record.WorkItemId).Distinct(StringComparer.Ordinal).ToArray();
        await WorkItemStates.ApplyEventsAsync(transaction, items, cancellationToken).ConfigureAwait(false);
        var states = await WorkItemStates.ReadAsync(transaction, items, cancellationToken).ConfigureAwait(false);
        return changed.Select(s =>
        {
            var state = states[s.Record.WorkItemId].Clone();
            state.Event = WireName.Of(s.Record.Event);
            state.OccurredAt = s.Record.OccurredAt;
            state.Actor = s.Record.Actor;
            return new OutgoingEvent(Topics.IngestionWorkItems, EventTypes.WorkItemEventIngested, tenant, state.WorkItemId, state);
        }).ToList();
    }
}
