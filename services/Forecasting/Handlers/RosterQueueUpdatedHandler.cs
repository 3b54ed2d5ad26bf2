using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Forecasting.Storage;
using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Planning.Calendar;
using Google.Protobuf;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Forecasting.Handlers;

/// <summary>
/// Remembers each queue's calendar — time zone, open hours and closed dates — which its forecasts lie on and are told;
/// a later version replaces an earlier one.
/// </summary>
public sealed class RosterQueueUpdatedHandler : IEventBatchHandler<RosterQueueUpdated>
{
    private const string UpsertSql = """
        INSERT INTO forecasting.queue_settings AS q (tenant_id, queue, time_zone, is_deferrable, version, open_hours, closed_dates)
        SELECT current_setting('app.tenant_id', true), r.queue, r.time_zone, r.is_deferrable, r.version, r.open_hours::jsonb, string_to_array(r.closed_dates, ',')
        FROM unnest($1::text[], $2::text[], $3::bool[], $4::int[], $5::text[], $6::text[]) AS r(queue, time_zone, is_deferrable, version, open_hours, closed_dates)
        ON CONFLICT (tenant_id, queue) DO UPDATE SET time_zone = excluded.time_zone, is_deferrable = excluded.is_deferrable, version = excluded.version,
            open_hours = excluded.open_hours, closed_dates = excluded.closed_dates
        WHERE q.version < excluded.version
        """;

    public async Task HandleAsync(IReadOnlyList<ConsumedEvent<RosterQueueUpdated>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // A zone or calendar this machine cannot read would only fail every later forecast of the queue: such an update is skipped.
        var queues = events
            .Select(e => e.Payload)
            .Where(IsReadable)
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
        upsert.Parameters.Add(new NpgsqlParameter { Value = queues.Select(q => "[" + string.Join(",", q.OpenHours.Select(r => JsonFormatter.Default.Format(r))) + "]").ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = queues.Select(q => string.Join(",", q.ClosedDates)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool IsReadable(RosterQueueUpdated queue)
    {
        if (queue.TimeZone.Length == 0 || !TimeZoneInfo.TryFindSystemTimeZoneById(queue.TimeZone, out _))
        {
            return false;
        }

        try
        {
            _ = QueueCalendar.Of(LocalTime.FindZone(queue.TimeZone), queue.OpenHours, queue.ClosedDates);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
