using BackOfficeCloud.Contracts.Ingestion.V1;

namespace BackOfficeCloud.Ingestion.Validation;

public static class InteractionValidator
{
    public static void Validate(Interaction interaction, RowErrors errors, IngestContext context)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(errors);
        FieldChecks.Id(interaction.SourceId, "source_id", errors);
        FieldChecks.Queue(interaction.Queue, "queue", errors, context);
        FieldChecks.Defined(interaction.Channel, "channel", errors);
        var arrived = FieldChecks.Instant(interaction.ArrivedAt, "arrived_at", errors, context, required: true);
        var answered = FieldChecks.Instant(interaction.AnsweredAt, "answered_at", errors, context, required: false);
        var ended = FieldChecks.Instant(interaction.EndedAt, "ended_at", errors, context, required: false);
        var abandonedAt = FieldChecks.Instant(interaction.AbandonedAt, "abandoned_at", errors, context, required: false);
        FieldChecks.NotBefore(answered, arrived, "answered_at", "arrived_at", errors);
        FieldChecks.NotBefore(ended, answered ?? arrived, "ended_at", answered is null ? "arrived_at" : "answered_at", errors);
        FieldChecks.NotBefore(abandonedAt, arrived, "abandoned_at", "arrived_at", errors);
        if (interaction.Abandoned && answered is not null)
        {
            errors.Fail("abandoned", true, "an answered contact cannot be abandoned");
        }

        FieldChecks.NonNegative(interaction.TalkSeconds, "talk_seconds", errors);
        FieldChecks.NonNegative(interaction.HoldSeconds, "hold_seconds", errors);
        FieldChecks.NonNegative(interaction.WrapSeconds, "wrap_seconds", errors);
        FieldChecks.Id(interaction.CustomerRef, "customer_ref", errors, required: false);
        for (var i = 0; i < interaction.WorkItemIds.Count; i++)
        {
            FieldChecks.Id(interaction.WorkItemIds[i], $"work_item_ids[{i}]", errors);
        }
    }
}
