using BackOfficeCloud.Contracts.Scheduling.V1;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Scheduling.Storage;

/// <summary>The tenant's planned activities (meetings, trainings), one row per activity id.</summary>
public static class PlannedActivityStore
{
    private const string UpsertSql = """
        INSERT INTO scheduling.planned_activities AS p (tenant_id, activity_id, name, starts_at, ends_at, agent_ids)
        VALUES (current_setting('app.tenant_id', true), $1, $2, $3, $4, $5)
        ON CONFLICT (tenant_id, activity_id) DO UPDATE SET name = excluded.name, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
            agent_ids = excluded.agent_ids, updated_at = now()
        """;

    private const string SelectSql = """
        SELECT activity_id, name, starts_at, ends_at, agent_ids FROM scheduling.planned_activities
        WHERE ends_at > $1 AND starts_at < $2 ORDER BY starts_at, activity_id
        """;

    /// <summary>Stores the activities (replacing those of the same ids) and deletes the removed ids.</summary>
    public static async Task PutAsync(NpgsqlTransaction transaction, IReadOnlyList<PlannedActivity> activities, IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(activities);
        await using (var delete = new NpgsqlCommand("DELETE FROM scheduling.planned_activities WHERE activity_id = ANY($1)", transaction.Connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = removed.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        if (activities.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var a in activities)
        {
            var upsert = new NpgsqlBatchCommand(UpsertSql);
            upsert.Parameters.Add(new NpgsqlParameter { Value = a.ActivityId });
            upsert.Parameters.Add(new NpgsqlParameter { Value = a.Name });
            upsert.Parameters.Add(new NpgsqlParameter { Value = a.Start.ToDateTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            upsert.Parameters.Add(new NpgsqlParameter { Value = a.End.ToDateTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            upsert.Parameters.Add(new NpgsqlParameter { Value = a.AgentIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            batch.BatchCommands.Add(upsert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The activities overlapping [<paramref name="from"/>, <paramref name="to"/>), by start.</summary>
    public static async Task<IReadOnlyList<PlannedActivity>> OverlappingAsync(NpgsqlTransaction transaction, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var select = new NpgsqlCommand(SelectSql, transaction.Connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        select.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var activities = new List<PlannedActivity>();
        while (await reader.ReadAsync(cancellationToken))
        {
            activities.Add(new PlannedActivity
            {
                ActivityId = reader.GetString(0),
                Name = reader.GetString(1),
                Start = Timestamp.FromDateTime(reader.GetFieldValue<DateTime>(2)),
                End = Timestamp.FromDateTime(reader.GetFieldValue<DateTime>(3)),
                AgentIds = { reader.GetFieldValue<string[]>(4) },
            });
        }

        return activities;
    }
}
