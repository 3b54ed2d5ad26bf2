using BackOfficeCloud.Contracts.Ingestion.V1;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Storage;

/// <summary>What storing one interaction did: new, corrected (a later version of the same source id) or nothing.</summary>
public enum StoreOutcome
{
    Inserted,
    Updated,
    Duplicate,
}

public sealed record StoredInteraction(Interaction Interaction, Guid InteractionId, int Version, StoreOutcome Outcome);

/// <summary>Interactions keyed by (tenant, source id): the same record again is a no-op, a changed one a new version.</summary>
public sealed class InteractionStore
{
    private const string UpsertSql = """
        INSERT INTO ingestion.interactions AS t (tenant_id, source_id, channel, queue, arrived_at, answered_at, ended_at,
            talk_seconds, hold_seconds, wrap_seconds, abandoned, abandoned_at, transferred, customer_ref, work_item_ids)
        VALUES (current_setting('app.tenant_id', true), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
        ON CONFLICT (tenant_id, source_id) DO UPDATE SET version = t.version + 1, channel = excluded.channel,
            queue = excluded.queue, arrived_at = excluded.arrived_at, answered_at = excluded.answered_at,
            ended_at = excluded.ended_at, talk_seconds = excluded.talk_seconds, hold_seconds = excluded.hold_seconds,
            wrap_seconds = excluded.wrap_seconds, abandoned = excluded.abandoned, abandoned_at = excluded.abandoned_at,
            transferred = excluded.transferred, customer_ref = excluded.customer_ref,
            work_item_ids = excluded.work_item_ids, ingested_at = now()
        WHERE (t.channel, t.queue, t.arrived_at, t.answered_at, t.ended_at, t.talk_seconds, t.hold_seconds,
               t.wrap_seconds, t.abandoned, t.abandoned_at, t.transferred, t.customer_ref, t.work_item_ids)
            IS DISTINCT FROM (excluded.channel, excluded.queue, excluded.arrived_at, excluded.answered_at,
               excluded.ended_at, excluded.talk_seconds, excluded.hold_seconds, excluded.wrap_seconds,
               excluded.abandoned, excluded.abandoned_at, excluded.transferred, excluded.customer_ref,
               excluded.work_item_ids)
        RETURNING interaction_id, version, (xmax = 0)
        """;

    /// <summary>Upserts the interactions inside the caller's tenant transaction, in one round trip.</summary>
    public async Task<IReadOnlyList<StoredInteraction>> UpsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        if (interactions.Count == 0)
        {
            return [];
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var i in interactions)
        {
            var command = new NpgsqlBatchCommand(UpsertSql);
            command.Parameters.Add(new NpgsqlParameter { Value = i.SourceId });
            command.Parameters.Add(new NpgsqlParameter { Value = ChannelName(i.Channel) });
            command.Parameters.Add(new NpgsqlParameter { Value = i.Queue });
            command.Parameters.Add(Instant(i.ArrivedAt));
            command.Parameters.Add(Instant(i.AnsweredAt));
            command.Parameters.Add(Instant(i.EndedAt));
            command.Parameters.Add(new NpgsqlParameter { Value = i.TalkSeconds });
            command.Parameters.Add(new NpgsqlParameter { Value = i.HoldSeconds });
            command.Parameters.Add(new NpgsqlParameter { Value = i.WrapSeconds });
            command.Parameters.Add(new NpgsqlParameter { Value = i.Abandoned });
            command.Parameters.Add(Instant(i.AbandonedAt));
            command.Parameters.Add(new NpgsqlParameter { Value = i.Transferred });
            command.Parameters.Add(new NpgsqlParameter { Value = i.CustomerRef });
            command.Parameters.Add(new NpgsqlParameter { Value = i.WorkItemIds.ToArray() });
            batch.BatchCommands.Add(command);
        }

        var results = new List<StoredInteraction>(interactions.Count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        foreach (var interaction in interactions)
        {
            results.Add(await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new StoredInteraction(interaction, reader.GetGuid(0), reader.GetInt32(1), reader.GetBoolean(2) ? StoreOutcome.Inserted : StoreOutcome.Updated)
                : new StoredInteraction(interaction, Guid.Empty, 0, StoreOutcome.Duplicate));
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    public static string ChannelName(Channel channel) => channel.ToString().ToLowerInvariant();

    private static NpgsqlParameter Instant(Google.Protobuf.WellKnownTypes.Timestamp? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is null ? DBNull.Value : value.ToDateTime() };
}
