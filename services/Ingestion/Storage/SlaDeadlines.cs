using BackOfficeCloud.Planning.Calendar;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Storage;

/// <summary>
/// Deadlines of work items sent without one: their own <c>sla_business_hours</c>, else their queue's
/// <c>deadline_business_hours</c>, of the queue's open hours (in its zone, closed dates excluded; a queue without
/// hours is always open) after creation.
/// </summary>
public static class SlaDeadlines
{
    private const string QueuesSql = """
        SELECT source_id, deadline_business_hours, open_hours::text, closed_dates, time_zone FROM ingestion.roster_queues
        WHERE tenant_id = current_setting('app.tenant_id') AND source_id = ANY($1)
        """;

    private const string UpdateSql = """
        UPDATE ingestion.work_items w SET sla_due_at = d.due FROM unnest($1::text[], $2::timestamptz[]) AS d(source_id, due)
        WHERE w.tenant_id = current_setting('app.tenant_id') AND w.source_id = d.source_id
        """;

    public static async Task ApplyAsync(NpgsqlTransaction transaction, IEnumerable<WorkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var withoutDeadline = items.Where(i => i.DueAt is null).ToList();
        if (withoutDeadline.Count == 0)
        {
            return;
        }

        var queues = await QueuesAsync(transaction, [.. withoutDeadline.Select(i => i.Queue).Distinct()], cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        var deadlines = new List<DateTime>();
        foreach (var item in withoutDeadline)
        {
            if (queues.TryGetValue(item.Queue, out var queue) && (item.SlaBusinessHours > 0 ? item.SlaBusinessHours : queue.Hours) is > 0 and var hours)
            {
                ids.Add(item.SourceId);
                deadlines.Add(queue.Open.AddOpenTime(queue.Zone, item.CreatedAt.ToDateTimeOffset(), TimeSpan.FromHours(hours)).UtcDateTime);
            }
        }

        if (ids.Count > 0)
        {
            await using var update = new NpgsqlCommand(UpdateSql, transaction.Connection, transaction);
            update.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            update.Parameters.Add(new NpgsqlParameter { Value = deadlines.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<Dictionary<string, (double Hours, OpenHours Open, TimeZoneInfo Zone)>> QueuesAsync(
        NpgsqlTransaction transaction, string[] names, CancellationToken cancellationToken)
    {
        var queues = new Dictionary<string, (double, OpenHours, TimeZoneInfo)>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(QueuesSql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = names, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var ranges = RosterQueue.Parser.ParseJson($"{{\"openHours\": {reader.GetString(2)}}}").OpenHours;
            var closed = reader.GetFieldValue<string[]>(3).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            var open = ranges.Count == 0 ? OpenHours.AlwaysOpen.WithClosedDates(closed) : new OpenHours(Weekly(ranges), closed);
            queues[reader.GetString(0)] = (reader.GetDouble(1), open, LocalTime.FindZone(reader.GetString(4)));
        }

        return queues;
    }

    private static Dictionary<DayOfWeek, IReadOnlyList<TimeRange>> Weekly(IEnumerable<WeeklyRange> ranges) =>
        ranges.GroupBy(r => (DayOfWeek)(r.DayOfWeek % 7)).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<TimeRange>)[.. g.Select(r => new TimeRange(TimeOnly.ParseExact(r.From, "HH:mm"), r.To == "24:00" ? TimeOnly.MinValue : TimeOnly.ParseExact(r.To, "HH:mm")))]);
}
