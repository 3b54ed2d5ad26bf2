using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Consuming;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Handlers;

/// <summary>Remembers each queue's time zone (its forecasts' local calendar); a later version replaces an earlier one.</summary>
public sealed class RosterQueueUpdatedHandler : IEventBatchHandler<RosterQueueUpdated>
{
    private const string UpsertSql = """
        INSERT INTO forecasting.queue_settings AS q (tenant_id, queue, time_zone, is_deferrable, version)
        SELECT current_setting('app.tenant_id', true), r.queue, r.time_zone, r.is_deferrable, r.version
        FROM unnest($1::text[], $2::text[], $3::bool[], $4::int[]) AS r(queue, time_zone, is_deferrable, version)
        ON CONFLICT (tenant_id, queue) DO UPDATE SET time_zone = excluded.time_zone, is_deferrable = excluded.is_deferrable, version = excluded.version
        WHERE q.version < excluded.version
        """;

    public async Task HandleAsync(IReadOnlyList<ConsumedEvent<RosterQueueUpdated>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // A zone this machine does not know would only fail every later forecast of the queue: such an update is skipped.
        var queues = events
            .Select(e => e.Payload)
            .Where(q => q.TimeZone.Length > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(q.TimeZone, out _))
            .GroupBy(q => q.Queue)
            .Select(g => g.MaxBy(q => q.Version)!)
            .ToList();
        if (queues.Count == 0)
        {
            return;
        }

        await using var upsert = new NpgsqlCommand(UpsertSql, transaction.Connection, transaction);
        upsert.Parameters.Add(new NpgsqlParameter { Value = queues.Select(q => q.Queue).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = queues.Select(q => q.TimeZone).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = queues.Select(q => q.Deferrable).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = queues.Select(q => q.Version).ToArray() });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
