using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>Contacts; each stored one is flagged as a repeat when the same customer came within the repeat window (<see cref="RepeatContacts"/>).</summary>
public sealed class InteractionKind(IngestionOptions options) : RecordKindBase<Interaction>(
    RecordKind.Interaction, "interactions", Interaction.Parser, new RecordTable<Interaction>("interactions", "interaction_id",
    [
        Column.Enum<Interaction, Channel>("channel", i => i.Channel),
        Column.Text<Interaction>("queue", i => i.Queue),
        Column.Instant<Interaction>("arrived_at", i => i.ArrivedAt),
        Column.Instant<Interaction>("answered_at", i => i.AnsweredAt),
        Column.Instant<Interaction>("ended_at", i => i.EndedAt),
        Column.Double<Interaction>("talk_seconds", i => i.TalkSeconds),
        Column.Double<Interaction>("hold_seconds", i => i.HoldSeconds),
        Column.Double<Interaction>("wrap_seconds", i => i.WrapSeconds),
        Column.Bool<Interaction>("abandoned", i => i.Abandoned),
        Column.Instant<Interaction>("abandoned_at", i => i.AbandonedAt),
        Column.Bool<Interaction>("transferred", i => i.Transferred),
        Column.Text<Interaction>("customer_ref", i => i.CustomerRef),
        Column.TextArray<Interaction>("work_item_ids", i => i.WorkItemIds),
    ],
    new RepeatContacts(options.RepeatContactWindow)))
{
    public override string SourceId(Interaction record) => record.SourceId;

    public override string? QueueOf(Interaction record) => record.Queue;

    public override string? CustomerOf(Interaction record) => record.CustomerRef;

    public override DateTimeOffset? OccurredAt(Interaction record) => record.EndedAt?.ToDateTimeOffset() ?? record.ArrivedAt?.ToDateTimeOffset();

    public override void Validate(Interaction record, RowErrors errors, IngestContext context) => InteractionValidator.Validate(record, errors, context);

    // repeat_of was decided before the write and stored by it (RepeatContacts)
    public override Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<Interaction>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        EachOf(changed, s =>
        {
            var id = s.RecordId.ToString();
            return new OutgoingEvent(Topics.IngestionInteractions, EventTypes.InteractionIngested, tenant, id, ToEvent(s, id));
        });

    private static InteractionIngested ToEvent(StoredRecord<Interaction> s, string interactionId)
    {
        var i = s.Record;
        return new InteractionIngested
        {
            InteractionId = interactionId,
            SourceId = i.SourceId,
            Channel = WireName.Of(i.Channel),
            Queue = i.Queue,
            ArrivedAt = i.ArrivedAt,
            AnsweredAt = i.AnsweredAt,
            EndedAt = i.EndedAt,
            Abandoned = i.Abandoned,
            HandleSeconds = i.TalkSeconds + i.HoldSeconds + i.WrapSeconds,
            Version = s.Version,
            CustomerRef = i.CustomerRef,
            RepeatOf = s.Derived ?? "",
        };
    }
}
