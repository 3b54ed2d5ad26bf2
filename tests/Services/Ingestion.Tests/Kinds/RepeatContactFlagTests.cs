using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.Ingestion.Tests.Grpc;
using BackOfficeCloud.Ingestion.Tests.Support;
using BackOfficeCloud.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackOfficeCloud.Ingestion.Tests.Kinds;

/// <summary>
/// The 1,000,000-row import failed on the repeat-contact flags: a tenant new to a table another tenant had filled is
/// ~1 row to the planner until the next ANALYZE, and the plan built on that compared every stored row of the tenant
/// with every record of the chunk, until a chunk ran into the command timeout.
/// </summary>
[Collection(IngestionCollection.Name)]
public sealed class RepeatContactFlagTests(IngestionServiceFixture service)
{
    private const int StoredRows = 3_000;
    private const int Batch = 50;

    [Fact]
    public async Task Flagging_a_batch_reads_rows_for_the_batch_not_for_the_tenant_even_when_statistics_are_stale()
    {
        var (big, fresh) = (UniqueTenant.Next("big"), UniqueTenant.Next("fresh"));
        await using var admin = new NpgsqlConnection(service.Services.GetRequiredService<IConfiguration>().GetConnectionString("postgres-admin"));
        await admin.OpenAsync();
        await ExecuteAsync(admin, "ALTER TABLE ingestion.interactions SET (autovacuum_enabled = off)");
        try
        {
            await InsertAsync(admin, big);
            await ExecuteAsync(admin, "ANALYZE ingestion.interactions");
            await InsertAsync(admin, fresh);   // after the ANALYZE: the statistics know nothing of this tenant
            await AssertFlaggingReadsOnlyTheBatchAsync(fresh);
        }
        finally
        {
            // The other tests of the collection share the table: give it back its maintenance.
            await ExecuteAsync(admin, "ALTER TABLE ingestion.interactions RESET (autovacuum_enabled)");
        }
    }

    private async Task AssertFlaggingReadsOnlyTheBatchAsync(string fresh)
    {
        var kind = service.Services.GetRequiredService<RecordKinds>().Interactions;
        var batch = Enumerable.Range(0, Batch)
            .Select(i => new StoredRecord<Interaction>(i, Build.Call($"call-{i}", i, customer: $"cust-{i}"), $"call-{i}", Guid.NewGuid(), 1, StoreOutcome.Inserted))
            .ToList();

        var (rowsRead, events) = await service.InTenantAsync(fresh, async transaction =>
        {
            var before = await RowsReadAsync(transaction);
            var events = await kind.EventsAsync(fresh, batch, transaction, CancellationToken.None);
            return (await RowsReadAsync(transaction) - before, events);
        });

        Assert.Equal(Batch, events.Count);
        Assert.True(rowsRead <= Batch, $"flagging {Batch} records read {rowsRead} rows of a tenant with {StoredRows}");
    }

    /// <summary>Rows the transaction has read from the interactions table so far (sequentially or through an index).</summary>
    private static async Task<long> RowsReadAsync(NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) FROM pg_stat_xact_user_tables WHERE relid = 'ingestion.interactions'::regclass",
            transaction.Connection, transaction);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The tenant's customers each came once, a minute apart (no repeats among them).</summary>
    private static async Task InsertAsync(NpgsqlConnection admin, string tenant)
    {
        await using var transaction = await admin.BeginTenantTransactionAsync(tenant);
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO ingestion.interactions (tenant_id, source_id, channel, queue, arrived_at, customer_ref)
            SELECT $1, 'call-' || g, 'voice', 'billing', $2::timestamptz + g * interval '1 minute', 'cust-' || g FROM generate_series(0, {StoredRows - 1}) g
            """, admin, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = Build.Monday.UtcDateTime });
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
