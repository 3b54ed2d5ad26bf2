using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>Contacts; each stored one is flagged as a repeat when the same customer came within the repeat window.</summary>
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
    ]))
{
    // the customer's latest earlier contact within the window, one index lookup per record (see BatchLookups)
    private const string RepeatSql = """
        SELECT b.source_id,
               (SELECT p.source_id FROM ingestion.interactions p
                WHERE p.tenant_id = current_setting('app.tenant_id') AND p.customer_ref = b.customer_ref AND p.customer_ref <> ''
                  AND p.arrived_at < b.arrived_at AND p.arrived_at >= b.arrived_at - $4
                ORDER BY p.arrived_at DESC LIMIT 1)
        FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS b(source_id, customer_ref, arrived_at)
        """;

    public override string SourceId(Interaction record) => record.SourceId;

    public override string? QueueOf(Interaction record) => record.Queue;

    public override string? CustomerOf(Interaction record) => record.CustomerRef;

    public override DateTimeOffset? OccurredAt(Interaction record) => record.EndedAt?.ToDateTimeOffset() ?? record.ArrivedAt?.ToDateTimeOffset();

    public override void Validate(Interaction record, RowErrors errors, IngestContext context) => InteractionValidator.Validate(record, errors, context);

    public override async Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<Interaction>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var repeats = await RepeatsAsync(changed.Where(s => s.Record.CustomerRef.Length > 0).ToList(), transaction, cancellationToken).ConfigureAwait(false);
        await BatchLookups.SetFlagsAsync(transaction, Table.Name, "repeat_of", changed, repeats, cancellationToken).ConfigureAwait(false);
        var events = new OutgoingEvent[changed.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var s = changed[i];
            events[i] = new OutgoingEvent(
                Topics.IngestionInteractions, EventTypes.InteractionIngested, tenant, s.RecordId.ToString(), ToEvent(s, repeats.GetValueOrDefault(s.SourceId) ?? ""));
        }

        return events;
    }

    /// <summary>The latest earlier contact of the same customer within the window, by source id (null for none).</summary>
    private async Task<Dictionary<string, string?>> RepeatsAsync(
        List<StoredRecord<Interaction>> withCustomer, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        withCustomer.Count == 0 ? [] : await BatchLookups.ReadAsync(
            transaction,
            RepeatSql,
            [
                BatchLookups.Texts([.. withCustomer.Select(s => s.SourceId)]),
                BatchLookups.Texts([.. withCustomer.Select(s => s.Record.CustomerRef)]),
                BatchLookups.Instants([.. withCustomer.Select(s => s.Record.ArrivedAt.ToDateTime())]),
                new NpgsqlParameter { Value = options.RepeatContactWindow, NpgsqlDbType = NpgsqlDbType.Interval },
            ],
            reader => reader.IsDBNull(1) ? null : reader.GetString(1),
            cancellationToken).ConfigureAwait(false);

    private static InteractionIngested ToEvent(StoredRecord<Interaction> s, string repeatOf)
    {
        var i = s.Record;
        return new InteractionIngested
        {
            InteractionId = s.RecordId.ToString(),
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
            RepeatOf = repeatOf,
        };
    }
}
