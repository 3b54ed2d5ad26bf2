using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Messaging.Envelope;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Scheduling.Storage;

/// <summary>The tenant's planning settings as last put; null when the tenant never set any.</summary>
public sealed class SettingsStore
{
    public async Task<PlanningSettings?> GetAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var select = new NpgsqlCommand("SELECT payload::text FROM scheduling.planning_settings", transaction.Connection, transaction);
        return await select.ExecuteScalarAsync(cancellationToken) is string json ? ProtoJson.Parse<PlanningSettings>(json) : null;
    }

    public async Task PutAsync(NpgsqlTransaction transaction, PlanningSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(settings);
        await using var upsert = new NpgsqlCommand(
            """
            INSERT INTO scheduling.planning_settings (tenant_id, payload) VALUES (current_setting('app.tenant_id', true), $1)
            ON CONFLICT (tenant_id) DO UPDATE SET payload = excluded.payload, updated_at = now()
            """,
            transaction.Connection,
            transaction);
        upsert.Parameters.Add(new NpgsqlParameter { Value = ProtoJson.Format(settings), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}
