using BackOfficeCloud.Planning.Calendar;

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

    // one primary-key update per item, never a join with the tenant's rows (see BatchLookups)
    private const string UpdateSql = """
        UPDATE ingestion.work_items SET sla_due_at = $2
        WHERE tenant_id = current_setting('app.tenant_id') AND source_id = $1 AND sla_due_at IS DISTINCT FROM $2
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
        var deadlines = new List<(string SourceId, DateTime Due)>();
        foreach (var item in withoutDeadline)
        {
            if (queues.TryGetValue(item.Queue, out var queue) && (item.SlaBusinessHours > 0 ? item.SlaBusinessHours : queue.Hours) is > 0 and var hours)
            {
                deadlines.Add((item.SourceId, queue.Open.AddOpenTime(queue.Zone, item.CreatedAt.ToDateTimeOffset(), TimeSpan.FromHours(hours)).UtcDateTime));
            }
        }

        await BatchLookups.UpdateEachAsync(
            transaction,
            UpdateSql,
            deadlines,
            d => [BatchLookups.Text(d.SourceId), BatchLookups.Instant(d.Due)],
            cancellationToken).ConfigureAwait(false);
    }

    private static Task<Dictionary<string, (double Hours, OpenHours Open, TimeZoneInfo Zone)>> QueuesAsync(
        NpgsqlTransaction transaction, string[] names, CancellationToken cancellationToken) =>
        BatchLookups.ReadAsync(
            transaction,
            QueuesSql,
            [BatchLookups.Texts(names)],
            reader =>
            {
                var ranges = RosterQueue.Parser.ParseJson($"{{\"openHours\": {reader.GetString(2)}}}").OpenHours;
                var closed = reader.GetFieldValue<string[]>(3).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                var open = ranges.Count == 0 ? OpenHours.AlwaysOpen.WithClosedDates(closed) : new OpenHours(Weekly(ranges), closed);
                return (Hours: reader.GetDouble(1), Open: open, Zone: LocalTime.FindZone(reader.GetString(4)));
            },
            cancellationToken);

    private static Dictionary<DayOfWeek, IReadOnlyList<TimeRange>> Weekly(IEnumerable<WeeklyRange> ranges) =>
        ranges.GroupBy(r => (DayOfWeek)(r.DayOfWeek % 7)).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<TimeRange>)[.. g.Select(r => new TimeRange(TimeOnly.ParseExact(r.From, "HH:mm"), r.To == "24:00" ? TimeOnly.MinValue : TimeOnly.ParseExact(r.To, "HH:mm")))]);
}
