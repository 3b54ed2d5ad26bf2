using BackOfficeCloud.Messaging.Envelope;
using Google.Protobuf;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Scheduling.Storage;

/// <summary>One payload kept per key, as it arrived in an event, with what orders it against a later one.</summary>
public sealed record KeyedPayload<TMessage>(string Key, DateTime IssuedAt, int Version, TMessage Payload);

/// <summary>
/// A table of the latest proto payload per (tenant, key) — forecasts per queue, roster queues, roster agents — where a
/// row is replaced only by a newer one, ordered by (issued_at, version).
/// </summary>
public sealed class LatestPayloadStore<TMessage>(string table, string keyColumn) where TMessage : IMessage<TMessage>, new()
{
    public async Task UpsertAsync(NpgsqlTransaction transaction, IEnumerable<KeyedPayload<TMessage>> payloads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        // Within one batch only the newest per key counts (ON CONFLICT cannot touch a row twice).
        var latest = payloads.GroupBy(p => p.Key).Select(g => g.MaxBy(p => (p.IssuedAt, p.Version))!).ToList();
        var sql = $"""
            INSERT INTO scheduling.{table} AS t (tenant_id, {keyColumn}, issued_at, version, payload)
            SELECT current_setting('app.tenant_id', true), e.key, e.issued_at, e.version, e.payload::jsonb
            FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::text[]) AS e(key, issued_at, version, payload)
            ON CONFLICT (tenant_id, {keyColumn}) DO UPDATE SET issued_at = excluded.issued_at, version = excluded.version, payload = excluded.payload
            WHERE (t.issued_at, t.version) < (excluded.issued_at, excluded.version)
            """;
        await using var upsert = new NpgsqlCommand(sql, transaction.Connection, transaction);
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(p => p.Key).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(p => DateTime.SpecifyKind(p.IssuedAt, DateTimeKind.Utc)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(p => p.Version).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = latest.Select(p => ProtoJson.Format(p.Payload)).ToArray() });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every payload of the transaction's tenant, by key.</summary>
    public async Task<IReadOnlyDictionary<string, TMessage>> ReadAllAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var select = new NpgsqlCommand($"SELECT {keyColumn}, payload::text FROM scheduling.{table} ORDER BY {keyColumn}", transaction.Connection, transaction);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var payloads = new SortedDictionary<string, TMessage>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            payloads[reader.GetString(0)] = ProtoJson.Parse<TMessage>(reader.GetString(1));
        }

        return payloads;
    }
}
