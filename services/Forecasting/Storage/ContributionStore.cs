using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Storage;

/// <summary>What one source record (an interaction, a work item) adds to the interval aggregates, at its version.</summary>
public sealed record Contribution(string SourceId, string Queue, DateTimeOffset At, double Offered, double Handled, double HandleSeconds, int Version);

/// <summary>
/// Keeps each source record's contribution and moves the aggregates by the difference when a later version arrives,
/// so corrections never count twice and an old version arriving late changes nothing.
/// </summary>
public sealed class ContributionStore(IOptions<ForecastingOptions> options)
{
    private const string LockSql = """
        SELECT source_id, queue, interval_start, offered, handled, handle_seconds, version
        FROM forecasting.contributions WHERE kind = $1 AND source_id = ANY($2) FOR UPDATE
        """;

    private const string UpsertSql = """
        INSERT INTO forecasting.contributions (tenant_id, kind, source_id, queue, interval_start, interval_minutes, offered, handled, handle_seconds, version)
        SELECT current_setting('app.tenant_id', true), $1, c.source_id, c.queue, c.interval_start, $2, c.offered, c.handled, c.handle_seconds, c.version
        FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::float8[], $7::float8[], $8::float8[], $9::int[])
            AS c(source_id, queue, interval_start, offered, handled, handle_seconds, version)
        ON CONFLICT (tenant_id, kind, source_id) DO UPDATE SET queue = excluded.queue, interval_start = excluded.interval_start,
            interval_minutes = excluded.interval_minutes, offered = excluded.offered, handled = excluded.handled,
            handle_seconds = excluded.handle_seconds, version = excluded.version
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
        var latest = contributions.GroupBy(c => c.SourceId).Select(g => g.MaxBy(c => c.Version)!).ToList();
        var stored = await LockStoredAsync(kind, latest, transaction, cancellationToken);
        var changed = latest.Where(c => !stored.TryGetValue(c.SourceId, out var old) || old.Version < c.Version).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var deltas = new Dictionary<(string Queue, DateTimeOffset Start), (double Offered, double Handled, double Seconds)>();
        void Add(string queue, DateTimeOffset start, double sign, double offered, double handled, double seconds)
        {
            var d = deltas.GetValueOrDefault((queue, start));
            deltas[(queue, start)] = (d.Offered + (sign * offered), d.Handled + (sign * handled), d.Seconds + (sign * seconds));
        }

        foreach (var c in changed)
        {
            if (stored.TryGetValue(c.SourceId, out var old))
            {
                Add(old.Queue, old.At, -1, old.Offered, old.Handled, old.HandleSeconds);
            }

            Add(c.Queue, Floor(c.At, minutes), 1, c.Offered, c.Handled, c.HandleSeconds);
        }

        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        batch.BatchCommands.Add(Command(UpsertSql, kind, minutes,
            changed.Select(c => c.SourceId).ToArray(), changed.Select(c => c.Queue).ToArray(),
            changed.Select(c => Floor(c.At, minutes)).ToArray(), changed.Select(c => c.Offered).ToArray(),
            changed.Select(c => c.Handled).ToArray(), changed.Select(c => c.HandleSeconds).ToArray(), changed.Select(c => c.Version).ToArray()));
        var moves = deltas.ToList();
        batch.BatchCommands.Add(Command(AddSql, kind, minutes,
            moves.Select(m => m.Key.Queue).ToArray(), moves.Select(m => m.Key.Start).ToArray(),
            moves.Select(m => m.Value.Offered).ToArray(), moves.Select(m => m.Value.Handled).ToArray(), moves.Select(m => m.Value.Seconds).ToArray()));
        await batch.ExecuteNonQueryAsync(cancellationToken);
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
