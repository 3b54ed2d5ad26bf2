using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Messaging.Envelope;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Scheduling.Storage;

/// <summary>The last validation of each schedule version: a later one replaces it.</summary>
public sealed class ScheduleValidationStore
{
    public async Task PutAsync(NpgsqlTransaction transaction, ScheduleSimulation validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(validation);
        await using var upsert = new NpgsqlCommand(
            """
            INSERT INTO scheduling.schedule_validations (tenant_id, schedule_id, version, simulation)
            VALUES (current_setting('app.tenant_id', true), $1, $2, $3)
            ON CONFLICT (tenant_id, schedule_id, version) DO UPDATE SET simulation = excluded.simulation, created_at = now()
            """,
            transaction.Connection,
            transaction);
        upsert.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(validation.ScheduleId) });
        upsert.Parameters.Add(new NpgsqlParameter { Value = validation.Version });
        upsert.Parameters.Add(new NpgsqlParameter { Value = ProtoJson.Format(validation), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ScheduleSimulation?> GetAsync(NpgsqlTransaction transaction, Guid scheduleId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var select = new NpgsqlCommand(
            "SELECT simulation::text FROM scheduling.schedule_validations WHERE schedule_id = $1 AND version = $2", transaction.Connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = scheduleId });
        select.Parameters.Add(new NpgsqlParameter { Value = version });
        return await select.ExecuteScalarAsync(cancellationToken) is string json ? ProtoJson.Parse<ScheduleSimulation>(json) : null;
    }
}
