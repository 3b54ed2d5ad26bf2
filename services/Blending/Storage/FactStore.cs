using BackOfficeCloud.Blending.Live;
using BackOfficeCloud.Messaging.Envelope;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Blending.Storage;

/// <summary>The facts of a tenant, in the order they were applied, and the count that serialises the tenant's writers.</summary>
public sealed class FactStore
{
    // An upsert that always updates: it locks the row, new or not, until the transaction ends.
    private const string LockSql = """
        INSERT INTO blending.tenants AS t (tenant_id) VALUES (current_setting('app.tenant_id', true))
        ON CONFLICT (tenant_id) DO UPDATE SET facts_applied = t.facts_applied RETURNING facts_applied
        """;

    private const string AppendSql = """
        WITH appended AS (
            INSERT INTO blending.facts (tenant_id, seq, kind, occurred_at, payload)
            SELECT current_setting('app.tenant_id', true), $1 + f.n, f.kind, f.at, f.payload
            FROM unnest($2::text[], $3::timestamptz[], $4::text[]) WITH ORDINALITY AS f(kind, at, payload, n)
            RETURNING 1)
        UPDATE blending.tenants SET facts_applied = $1 + (SELECT count(*) FROM appended)
        """;

    /// <summary>Locks the tenant's row until the transaction ends (one writer per tenant) and returns the facts applied so far.</summary>
    public async Task<long> LockTenantAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LockSql, transaction.Connection, transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task AppendAsync(NpgsqlTransaction transaction, long appliedBefore, IReadOnlyList<Fact> facts, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(AppendSql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = appliedBefore });
        command.Parameters.Add(new NpgsqlParameter { Value = facts.Select(f => f.Kind).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = facts.Select(f => f.At).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = facts.Select(f => ProtoJson.Format(f.Payload)).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<Fact> ReadAllAsync(
        NpgsqlTransaction transaction, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT kind, occurred_at, payload FROM blending.facts ORDER BY seq", transaction.Connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var kind = reader.GetString(0);
            yield return new Fact(kind, reader.GetFieldValue<DateTimeOffset>(1), FactKinds.Parse(kind, reader.GetString(2)));
        }
    }
}
