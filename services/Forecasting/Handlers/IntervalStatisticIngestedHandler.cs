using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Consuming;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Handlers;

/// <summary>Keeps the ACD's own interval rows (offered, handled, handle time); a later version of a row replaces it.</summary>
public sealed class IntervalStatisticIngestedHandler : IEventBatchHandler<IntervalStatisticIngested>
{
    private const string UpsertSql = """
        INSERT INTO forecasting.interval_statistics AS s (tenant_id, queue, interval_start, interval_minutes, offered, handled, handle_seconds, version)
        SELECT current_setting('app.tenant_id', true), r.queue, r.interval_start, r.minutes, r.offered, r.handled, r.handle_seconds, r.version
        FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::float8[], $5::float8[], $6::float8[], $7::int[])
            AS r(queue, interval_start, minutes, offered, handled, handle_seconds, version)
        ON CONFLICT (tenant_id, queue, interval_minutes, interval_start) DO UPDATE SET offered = excluded.offered,
            handled = excluded.handled, handle_seconds = excluded.handle_seconds, version = excluded.version
        WHERE s.version < excluded.version
        """;

    public async Task HandleAsync(IReadOnlyList<ConsumedEvent<IntervalStatisticIngested>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // ON CONFLICT cannot touch a row twice in one statement: only the latest version of a row in the batch counts.
        var rows = events
            .Select(e => e.Payload)
            .Where(s => s.IntervalStart is not null && s.IntervalMinutes > 0)
            .GroupBy(s => (s.Queue, s.IntervalMinutes, Start: s.IntervalStart.ToDateTimeOffset()))
            .Select(g => g.MaxBy(s => s.Version)!)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await using var upsert = new NpgsqlCommand(UpsertSql, transaction.Connection, transaction);
        upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Queue).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.IntervalStart.ToDateTimeOffset()).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.IntervalMinutes).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => (double)r.Offered).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => (double)r.Handled).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Handled * r.AverageHandleSeconds).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Version).ToArray() });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
