using BackOfficeCloud.Contracts.Ingestion.V1;

namespace BackOfficeCloud.Ingestion.Validation;

public static class WorkItemValidator
{
    public static void Validate(WorkItem item, RowErrors errors, IngestContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(errors);
        FieldChecks.Id(item.SourceId, "source_id", errors);
        FieldChecks.Id(item.WorkType, "work_type", errors);
        FieldChecks.Queue(item.Queue, "queue", errors, context);
        var created = FieldChecks.Instant(item.CreatedAt, "created_at", errors, context, required: true);
        var due = FieldChecks.PlannedInstant(item.DueAt, "due_at", errors, required: false);
        FieldChecks.NotBefore(due, created, "due_at", "created_at", errors);

        FieldChecks.NonNegative(item.SlaBusinessHours, "sla_business_hours", errors);
        FieldChecks.NonNegative(item.EffortMinutes, "effort_minutes", errors);
        FieldChecks.NonNegative(item.Priority, "priority", errors);
        FieldChecks.Id(item.CustomerRef, "customer_ref", errors, required: false);
    }

    public static void Validate(WorkItemEvent itemEvent, RowErrors errors, IngestContext context)
    {
        ArgumentNullException.ThrowIfNull(itemEvent);
        ArgumentNullException.ThrowIfNull(errors);
        FieldChecks.Id(itemEvent.SourceId, "source_id", errors);
        FieldChecks.Id(itemEvent.WorkItemId, "work_item_id", errors);
        if (!string.IsNullOrWhiteSpace(itemEvent.WorkItemId) && !context.KnownWorkItems.Contains(itemEvent.WorkItemId))
        {
            errors.Fail("work_item_id", itemEvent.WorkItemId, "is not a stored work item (send the item first)");
        }

        FieldChecks.Defined(itemEvent.Event, "event", errors);
        var occurred = FieldChecks.Instant(itemEvent.OccurredAt, "occurred_at", errors, context, required: true);
        FieldChecks.Id(itemEvent.Actor, "actor", errors, required: false);
        if (itemEvent.PendedUntil is not null)
        {
            if (itemEvent.Event != WorkItemEventType.Pended)
            {
                errors.Fail("pended_until", itemEvent.PendedUntil, "is only for pended events");
            }

            var until = FieldChecks.PlannedInstant(itemEvent.PendedUntil, "pended_until", errors, required: false);
            FieldChecks.NotBefore(until, occurred, "pended_until", "occurred_at", errors);
        }
    }
}
