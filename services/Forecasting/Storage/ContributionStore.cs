using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Storage;

/// <summary>What one source record (an interaction, a work item) adds to the interval aggregates, at its version.</summary>
public sealed record Contribution(string SourceId, string Queue, DateTimeOffset At, double Offered, double Handled, double HandleSeconds, int Version);

/// <summary>
/// Keeps each source record's contribution (at its base interval) and moves the aggregates by the difference when a
/// later version arrives, so corrections never count twice and an old version arriving late changes nothing.
/// </summary>
public sealed class ContributionStore(IOptions<ForecastingOptions> options)
{
    // A new source record's row is inserted first: a concurrent transaction inserting the same record waits on the
    // unique key and then finds it stored, so every contribution is added exactly once.
    private const string InsertNewSql = """
        INSERT INTO forecasting.contributions (tenant_id, kind, source_id, queue, interval_start, interval_minutes, offered, handled, handle_seconds, version)
        SELECT current_setting('app.tenant_id', true), $1, c.source_id, c.queue, c.interval_start, $2, c.offered, c.handled, c.handle_seconds, c.version
        FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::float8[], $7::float8[], $8::float8[], $9::int[])
            AS c(source_id, queue, interval_start, offered, handled, handle_seconds, version)
        ON CONFLICT (tenant_id, kind, source_id) DO NOTHING
        RETURNING source_id
        """;

    private const string LockSql = """
        SELECT source_id, queue, interval_start, offered, handled, handle_seconds, version
        FROM forecasting.contributions WHERE kind = $1 AND source_id = ANY($2) FOR UPDATE
        """;

    private const string UpdateSql = """
        UPDATE forecasting.contributions AS t SET queue = c.queue, interval_start = c.interval_start, interval_minutes = $2,
            offered = c.offered, handled = c.handled, handle_seconds = c.handle_seconds, version = c.version
        FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::float8[], $7::float8[], $8::float8[], $9::int[])
            AS c(source_id, queue, interval_start, offered, handled, handle_seconds, version)
        WHERE t.kind = $1 AND t.source_id = c.source_id
        """;

    private const string AddSql = """
        INSERT INTO forecasting.interval_aggregates AS a (tenant_id, kind, queue, interval_start, interval_minutes, offered, handled, handle_seconds)
        SELECT current_setting('app.tenant_id', true), $1, d.queue, d.interval_start, $2, d.offered, d.handled, d.handle_seconds
        FROM unnest($3::text[], $4::timestamptz[], $5::float8[], $6::float8[], $7::float8[]) AS d(queue, interval_start, offered, handled, handle_seconds)
        ON CONFLICT (tenant_id, kind, queue, interval_minutes, interval_start) DO UPDATE SET offered = a.offered + excluded.offered,
            handled = a.handled + excluded.handled, handle_seconds = a.handle_seconds + excluded.handle_seconds
        """;

    public async Task ApplyAsync(string kind, IReadOnlyList<Contribution> contributions, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var minutes = options.Value.BaseIntervalMinutes;
        var latest = contributions
            .GroupBy(c => c.SourceId)
            .Select(g => g.MaxBy(c => c.Version)!)
            .Select(c => c with { At = Floor(c.At, minutes) })
            .ToList();
        if (latest.Count == 0)
        {
            return;
        }

        var deltas = new Dictionary<(string Queue, DateTimeOffset Start), (double Offered, double Handled, double Seconds)>();
        void Add(Contribution c, double sign)
        {
            var d = deltas.GetValueOrDefault((c.Queue, c.At));
            deltas[(c.Queue, c.At)] = (d.Offered + (sign * c.Offered), d.Handled + (sign * c.Handled), d.Seconds + (sign * c.HandleSeconds));
        }

        var inserted = (await Sql.QueryAsync(transaction, InsertNewSql, Arrays(kind, minutes, latest), r => r.GetString(0), cancellationToken)).ToHashSet();
        var rest = latest.Where(c => !inserted.Contains(c.SourceId)).ToList();
        var stored = rest.Count == 0 ? new Dictionary<string, Contribution>() : await LockStoredAsync(kind, rest, transaction, cancellationToken);
        var corrected = rest.Where(c => stored.TryGetValue(c.SourceId, out var old) && old.Version < c.Version).ToList();
        foreach (var c in latest.Where(c => inserted.Contains(c.SourceId)))
        {
            Add(c, 1);
        }

        foreach (var c in corrected)
        {
            Add(stored[c.SourceId], -1);
            Add(c, 1);
        }

        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        if (corrected.Count > 0)
        {
            batch.BatchCommands.Add(Command(UpdateSql, Arrays(kind, minutes, corrected)));
        }

        if (deltas.Count > 0)
        {
            var moves = deltas.ToList();
            batch.BatchCommands.Add(Command(AddSql, kind, minutes,
                moves.Select(m => m.Key.Queue).ToArray(), moves.Select(m => m.Key.Start).ToArray(),
                moves.Select(m => m.Value.Offered).ToArray(), moves.Select(m => m.Value.Handled).ToArray(), moves.Select(m => m.Value.Seconds).ToArray()));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The UTC start of the base interval holding <paramref name="instant"/>: zone offsets are whole quarter hours, so it nests in every local grid.</summary>
    public static DateTimeOffset Floor(DateTimeOffset instant, int minutes)
    {
        var utc = instant.ToUniversalTime();
        var step = TimeSpan.FromMinutes(minutes).Ticks;
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % step), TimeSpan.Zero);
    }

    private static async Task<Dictionary<string, Contribution>> LockStoredAsync(
        string kind, IReadOnlyList<Contribution> latest, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(LockSql, transaction.Connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = kind });
        select.Parameters.Add(new NpgsqlParameter { Value = latest.Select(c => c.SourceId).ToArray() });
        var stored = new Dictionary<string, Contribution>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var c = new Contribution(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetInt32(6));
            stored[c.SourceId] = c;
        }

        return stored;
    }

    private static object[] Arrays(string kind, int minutes, IReadOnlyList<Contribution> rows) =>
    [
        kind, minutes, rows.Select(c => c.SourceId).ToArray(), rows.Select(c => c.Queue).ToArray(), rows.Select(c => c.At).ToArray(),
        rows.Select(c => c.Offered).ToArray(), rows.Select(c => c.Handled).ToArray(), rows.Select(c => c.HandleSeconds).ToArray(),
        rows.Select(c => c.Version).ToArray(),
    ];

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
