using BackOfficeCloud.Contracts.Events.V1;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Scheduling.Storage;

/// <summary>A back-office item still to be worked: what the requirements plan counts as open backlog.</summary>
public sealed record OpenWorkItem(string Id, string Queue, string WorkType, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, double EffortMinutes)
{
    /// <summary>Whether the deferrable queue (a queue or a work type: forecasts come for either) works this item.</summary>
    public bool BelongsTo(string queue) => Queue == queue || WorkType == queue;
}

/// <summary>The current state of every work item, from its lifecycle events (a later version replaces an earlier one).</summary>
public sealed class WorkItemStore
{
    private const string UpsertSql = """
        INSERT INTO scheduling.work_items AS t (tenant_id, work_item_id, queue, work_type, status, created_at, due_at, effort_minutes, version)
        SELECT current_setting('app.tenant_id', true), e.id, e.queue, e.work_type, e.status, e.created_at, e.due_at, e.effort, e.version
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::float8[], $8::int[])
            AS e(id, queue, work_type, status, created_at, due_at, effort, version)
        ON CONFLICT (tenant_id, work_item_id) DO UPDATE SET queue = excluded.queue, work_type = excluded.work_type, status = excluded.status,
            created_at = excluded.created_at, due_at = excluded.due_at, effort_minutes = excluded.effort_minutes, version = excluded.version
        WHERE t.version < excluded.version
        """;

    private const string OpenSql = """
        SELECT work_item_id, queue, work_type, created_at, due_at, effort_minutes FROM scheduling.work_items
        WHERE status NOT IN ('completed', 'cancelled') AND effort_minutes > 0 ORDER BY created_at, work_item_id
        """;

    public async Task UpsertAsync(NpgsqlTransaction transaction, IEnumerable<WorkItemEventIngested> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var latest = events.GroupBy(e => e.WorkItemId).Select(g => g.MaxBy(e => e.Version)!).ToList();
        await using var upsert = new NpgsqlCommand(UpsertSql, transaction.Connection, transaction);
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(e => e.WorkItemId).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(e => e.Queue).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(e => e.WorkType).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(e => e.Status).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(e => (e.CreatedAt ?? e.OccurredAt).ToDateTime()).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter
        {
            Value = latest.Select(e => e.DueAt is null ? (object)DBNull.Value : e.DueAt.ToDateTime()).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(e => e.EffortMinutes).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(e => e.Version).ToArray() });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OpenWorkItem>> OpenAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var select = new NpgsqlCommand(OpenSql, transaction.Connection, transaction);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var items = new List<OpenWorkItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new OpenWorkItem(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetDouble(5)));
        }

        return items;
    }
}
