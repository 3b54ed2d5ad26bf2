using BackOfficeCloud.Contracts;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>
/// Back-office work items as created; each stored one gets its SLA deadline when sent without one, and is flagged when
/// it duplicates an open item.
/// </summary>
public sealed class WorkItemKind() : RecordKindBase<WorkItem>(
    RecordKind.WorkItem, "work_items", WorkItem.Parser, new RecordTable<WorkItem>("work_items", "record_id",
    [
        Column.Text<WorkItem>("work_type", w => w.WorkType),
        Column.Text<WorkItem>("queue", w => w.Queue),
        Column.Instant<WorkItem>("created_at", w => w.CreatedAt),
        Column.Instant<WorkItem>("due_at", w => w.DueAt),
        Column.Double<WorkItem>("sla_business_hours", w => w.SlaBusinessHours),
        Column.Double<WorkItem>("effort_minutes", w => w.EffortMinutes),
        Column.Int<WorkItem>("priority", w => w.Priority),
        Column.Text<WorkItem>("customer_ref", w => w.CustomerRef),
    ]))
{
    public override string SourceId(WorkItem record) => record.SourceId;

    public override string? QueueOf(WorkItem record) => record.Queue;

    public override string? CustomerOf(WorkItem record) => record.CustomerRef;

    public override DateTimeOffset? OccurredAt(WorkItem record) => record.CreatedAt?.ToDateTimeOffset();

    public override void Validate(WorkItem record, RowErrors errors, IngestContext context) => WorkItemValidator.Validate(record, errors, context);

    public override async Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<WorkItem>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var ids = changed.Select(s => s.SourceId).ToArray();
        await SlaDeadlines.ApplyAsync(transaction, changed.Select(s => s.Record), cancellationToken).ConfigureAwait(false);
        await WorkItemStates.FlagDuplicatesAsync(transaction, changed, cancellationToken).ConfigureAwait(false);
        var states = await WorkItemStates.ReadAsync(transaction, ids, cancellationToken).ConfigureAwait(false);
        return changed.Select(s =>
        {
            var state = states[s.SourceId];
            state.Event = "created";
            state.OccurredAt = s.Record.CreatedAt;
            return new OutgoingEvent(Topics.IngestionWorkItems, EventTypes.WorkItemEventIngested, tenant, state.WorkItemId, state);
        }).ToList();
    }
}
