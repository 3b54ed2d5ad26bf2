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
    private const string RepeatSql = """
        WITH flagged AS (
            SELECT i.source_id,
                   (SELECT p.source_id FROM ingestion.interactions p
                    WHERE p.tenant_id = i.tenant_id AND p.customer_ref = i.customer_ref AND p.customer_ref <> ''
                      AND p.arrived_at < i.arrived_at AND p.arrived_at >= i.arrived_at - $2
                    ORDER BY p.arrived_at DESC LIMIT 1) AS repeat_of
            FROM ingestion.interactions i
            WHERE i.tenant_id = current_setting('app.tenant_id') AND i.source_id = ANY($1) AND i.customer_ref <> ''),
        changed AS (
            UPDATE ingestion.interactions t SET repeat_of = f.repeat_of FROM flagged f
            WHERE t.tenant_id = current_setting('app.tenant_id') AND t.source_id = f.source_id
              AND t.repeat_of IS DISTINCT FROM f.repeat_of
            RETURNING 1)
        SELECT source_id, repeat_of FROM flagged WHERE repeat_of IS NOT NULL
        """;

    public override string SourceId(Interaction record) => record.SourceId;

    public override string? QueueOf(Interaction record) => record.Queue;

    public override DateTimeOffset? OccurredAt(Interaction record) => record.EndedAt?.ToDateTimeOffset() ?? record.ArrivedAt?.ToDateTimeOffset();

    public override void Validate(Interaction record, RowErrors errors, IngestContext context) => InteractionValidator.Validate(record, errors, context);

    public override async Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<Interaction>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(transaction);
        var repeats = new Dictionary<string, string>(StringComparer.Ordinal);
        var withCustomer = changed.Where(s => s.Record.CustomerRef.Length > 0).Select(s => s.SourceId).ToArray();
        if (withCustomer.Length > 0)
        {
            await using var command = new NpgsqlCommand(RepeatSql, transaction.Connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = withCustomer, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = options.RepeatContactWindow, NpgsqlDbType = NpgsqlDbType.Interval });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                repeats[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return changed.Select(s => new OutgoingEvent(
            Topics.IngestionInteractions, EventTypes.InteractionIngested, tenant, s.RecordId.ToString(), ToEvent(s, repeats.GetValueOrDefault(s.SourceId, "")))).ToList();
    }

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
