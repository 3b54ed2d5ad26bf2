using BackOfficeCloud.Cli.Bus.Events;
using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Consuming;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Cli.Bus;

/// <summary>Applies a batch of bench events with one insert, stamping when each was applied.</summary>
internal sealed class BenchApplyHandler(ServiceSchema schema, TimeProvider time, BenchProgress progress) : IEventBatchHandler<BenchWorkItem>
{
    public async Task HandleAsync(IReadOnlyList<ConsumedEvent<BenchWorkItem>> events, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var appliedAt = time.GetUtcNow();
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {schema.Name}.bench_applied (tenant_id, sequence, published_at, applied_at) SELECT $1, unnest($2::bigint[]), unnest($3::timestamptz[]), $4",
            transaction.Connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = events[0].Context.TenantId });
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Payload.Sequence).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        insert.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Context.Time).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new NpgsqlParameter { Value = appliedAt });
        await insert.PrepareAsync(cancellationToken);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        progress.Add(events.Count);
    }
}
