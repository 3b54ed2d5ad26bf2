using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Messaging.Tests.Events;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Messaging.Tests.Support;

/// <summary>Writes one row per event into the service's <c>applied</c> table, the whole batch in one insert; "poison" throws.</summary>
public sealed class RecordingBatchHandler(ServiceSchema schema) : IEventBatchHandler<WorkItemReceived>
{
    public async Task HandleAsync(IReadOnlyList<ConsumedEvent<WorkItemReceived>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (events.FirstOrDefault(e => e.Payload.Note == RecordingHandler.Poison) is { } poison)
        {
            throw new InvalidOperationException($"work item {poison.Payload.ItemId} is poison");
        }

        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {schema.Name}.applied (tenant_id, event_id, item_id) SELECT $1, unnest($2::text[]), unnest($3::text[])", transaction.Connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = events[0].Context.TenantId });
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Context.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Payload.ItemId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
