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
    // Driven by the batch's own values, never by a scan of the tenant's rows: until the next ANALYZE the planner puts a
    // tenant new to a big table at ~1 row, and the join it then chose (every stored row of the tenant against every
    // record of the batch) grew with the square of the tenant's rows until a chunk hit the command timeout.
    private const string RepeatSql = """
        SELECT b.source_id,
               (SELECT p.source_id FROM ingestion.interactions p
                WHERE p.tenant_id = current_setting('app.tenant_id') AND p.customer_ref = b.customer_ref AND p.customer_ref <> ''
                  AND p.arrived_at < b.arrived_at AND p.arrived_at >= b.arrived_at - $4
                ORDER BY p.arrived_at DESC LIMIT 1)
        FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS b(source_id, customer_ref, arrived_at)
        """;

    // one primary-key update per row whose flag may differ from the stored one, for the same reason
    private const string SetRepeatSql = """
        UPDATE ingestion.interactions SET repeat_of = $2
        WHERE tenant_id = current_setting('app.tenant_id') AND source_id = $1 AND repeat_of IS DISTINCT FROM $2
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
        var repeats = await RepeatsAsync(changed.Where(s => s.Record.CustomerRef.Length > 0).ToList(), transaction, cancellationToken).ConfigureAwait(false);
        await using (var update = new NpgsqlBatch(transaction.Connection, transaction))
        {
            // an inserted row has no flag yet; a corrected one may have had one
            foreach (var s in changed.Where(s => s.Outcome == StoreOutcome.Updated || repeats.ContainsKey(s.SourceId)))
            {
                var command = new NpgsqlBatchCommand(SetRepeatSql);
                command.Parameters.Add(new NpgsqlParameter { Value = s.SourceId, NpgsqlDbType = NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = repeats.TryGetValue(s.SourceId, out var of) ? of : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                update.BatchCommands.Add(command);
            }

            if (update.BatchCommands.Count > 0)
            {
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return changed.Select(s => new OutgoingEvent(
            Topics.IngestionInteractions, EventTypes.InteractionIngested, tenant, s.RecordId.ToString(), ToEvent(s, repeats.GetValueOrDefault(s.SourceId, "")))).ToList();
    }

    /// <summary>The latest earlier contact of the same customer within the window, by source id (only those that have one).</summary>
    private async Task<Dictionary<string, string>> RepeatsAsync(
        IReadOnlyList<StoredRecord<Interaction>> withCustomer, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var repeats = new Dictionary<string, string>(StringComparer.Ordinal);
        if (withCustomer.Count == 0)
        {
            return repeats;
        }

        await using var command = new NpgsqlCommand(RepeatSql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = withCustomer.Select(s => s.SourceId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = withCustomer.Select(s => s.Record.CustomerRef).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = withCustomer.Select(s => s.Record.ArrivedAt.ToDateTime()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = options.RepeatContactWindow, NpgsqlDbType = NpgsqlDbType.Interval });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!reader.IsDBNull(1))
            {
                repeats[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return repeats;
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
