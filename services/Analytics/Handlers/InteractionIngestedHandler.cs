using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Consuming;
using Npgsql;

namespace BackOfficeCloud.Analytics.Handlers;

/// <summary>Keeps one row per interaction; a later version of the same interaction replaces the earlier one.</summary>
public sealed class InteractionIngestedHandler : IEventBatchHandler<InteractionIngested>
{
    private const string UpsertSql = """
        INSERT INTO analytics.interactions_seen (tenant_id, interaction_id, queue, channel, arrived_at, version)
        SELECT current_setting('app.tenant_id', true), e.id, e.queue, e.channel, e.arrived_at, e.version
        FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::int[]) AS e(id, queue, channel, arrived_at, version)
        ON CONFLICT (tenant_id, interaction_id) DO UPDATE SET queue = excluded.queue, channel = excluded.channel,
            arrived_at = excluded.arrived_at, version = excluded.version
        WHERE analytics.interactions_seen.version < excluded.version
        """;

    public async Task HandleAsync(IReadOnlyList<ConsumedEvent<InteractionIngested>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // Within one batch only the latest version of an interaction counts (ON CONFLICT cannot touch a row twice).
        var latest = events
            .Select(e => e.Payload)
            .GroupBy(p => p.InteractionId)
            .Select(g => g.MaxBy(p => p.Version)!)
            .ToList();
        await using var upsert = new NpgsqlCommand(UpsertSql, transaction.Connection, transaction);
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(p => Guid.Parse(p.InteractionId)).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(p => p.Queue).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(p => p.Channel).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(p => p.ArrivedAt.ToDateTime()).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(p => p.Version).ToArray() });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
