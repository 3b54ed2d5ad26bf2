using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Messaging.Tests.Events;
using Npgsql;

namespace BackOfficeCloud.Messaging.Tests.Support;

/// <summary>Writes one row per event into the service's <c>applied</c> table; an item noted "poison" always throws.</summary>
public sealed class RecordingHandler(ServiceSchema schema) : IEventHandler<WorkItemReceived>
{
    public const string Poison = "poison";

    public async Task HandleAsync(EventContext context, WorkItemReceived payload, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (payload.Note == Poison)
        {
            throw new InvalidOperationException($"work item {payload.ItemId} is poison");
        }

        await using var insert = new NpgsqlCommand($"INSERT INTO {schema.Name}.applied (tenant_id, event_id, item_id) VALUES ($1, $2, $3)", transaction.Connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = context.TenantId });
        insert.Parameters.Add(new NpgsqlParameter { Value = context.Id });
        insert.Parameters.Add(new NpgsqlParameter { Value = payload.ItemId });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
