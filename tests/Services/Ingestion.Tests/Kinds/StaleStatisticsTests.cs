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
/// with every record of the chunk, until a chunk ran into the command timeout. What a batch derives (repeat flags,
/// duplicate items, SLA deadlines, item states) must read rows for the batch, not for the tenant.
/// </summary>
[Collection(IngestionCollection.Name)]
public sealed class StaleStatisticsTests(IngestionServiceFixture service)
{
    private const int StoredRows = 3_000;
    private const int Batch = 50;

    [Fact]
    public async Task Flagging_repeat_contacts_reads_rows_for_the_batch_not_for_the_tenant()
    {
        var fresh = await FreshTenantAsync(["interactions"], """
            INSERT INTO ingestion.interactions (tenant_id, source_id, channel, queue, arrived_at, customer_ref)
            SELECT $1, 'call-' || g, 'voice', 'billing', $2::timestamptz + g * interval '1 minute', 'cust-' || g FROM generate_series(0, {0}) g
            """);
        var calls = Enumerable.Range(0, Batch).Select(i => Build.Call($"call-{i}", i, customer: $"cust-{i}")).ToList();
        var repeats = service.Services.GetRequiredService<RecordKinds>().Interactions.Table.Derived!;

        var (rowsRead, flags) = await DeriveAsync(fresh, ["interactions"], async t =>
            (await repeats.DeriveAsync(t, fresh, [.. calls.Select(c => c.SourceId)], calls, CancellationToken.None)).Length);

        Assert.Equal(Batch, flags);
        Assert.True(rowsRead <= Batch, $"flagging {Batch} records read {rowsRead} rows of a tenant with {StoredRows}");
    }

    [Fact]
    public async Task Deadlines_duplicate_flags_and_states_of_new_work_items_read_rows_for_the_batch_not_for_the_tenant()
    {
        string[] tables = ["work_items"];
        var fresh = await FreshTenantAsync(tables, WorkItemsSql);
        await QueueWithDeadlineAsync(fresh);
        var batch = Enumerable.Range(0, Batch)
            .Select(i => Stored(Build.Item($"item-{i}", i, customer: $"cust-{i}"), $"item-{i}"))
            .ToList();

        var (rowsRead, events) = await DeriveAsync(fresh, tables, async t => (await service.Services.GetRequiredService<RecordKinds>().WorkItems.EventsAsync(fresh, batch, t, CancellationToken.None)).Count);

        Assert.Equal(Batch, events);
        // per item: its duplicate lookup, its deadline update and its read
        Assert.True(rowsRead <= 3 * Batch, $"deriving {Batch} items read {rowsRead} rows of a tenant with {StoredRows}");
        Assert.Equal(Batch, await service.QueryAsync<long>(fresh, "SELECT count(*) FROM ingestion.work_items WHERE sla_due_at IS NOT NULL"));
    }

    [Fact]
    public async Task Lifecycle_events_move_their_items_reading_rows_for_the_batch_not_for_the_tenant()
    {
        string[] tables = ["work_items", "work_item_events"];
        var fresh = await FreshTenantAsync(tables, WorkItemsSql, """
            INSERT INTO ingestion.work_item_events (tenant_id, source_id, work_item_id, event, occurred_at)
            SELECT $1, 'event-' || g, 'item-' || g, 'started', $2::timestamptz + g * interval '1 minute' FROM generate_series(0, {0}) g
            """);
        var batch = Enumerable.Range(0, Batch)
            .Select(i => Stored(Build.Event($"event-{i}", $"item-{i}", WorkItemEventType.Started, i), $"event-{i}"))
            .ToList();

        var (rowsRead, events) = await DeriveAsync(fresh, tables, async t => (await service.Services.GetRequiredService<RecordKinds>().WorkItemEvents.EventsAsync(fresh, batch, t, CancellationToken.None)).Count);

        Assert.Equal(Batch, events);
        // per event: its item's latest event, the item's status update and its read
        Assert.True(rowsRead <= 3 * Batch, $"applying {Batch} events read {rowsRead} rows of a tenant with {StoredRows} items and events");
        Assert.Equal(Batch, await service.QueryAsync<long>(fresh, "SELECT count(*) FROM ingestion.work_items WHERE status = 'in_progress'"));
    }

    private const string WorkItemsSql = """
        INSERT INTO ingestion.work_items (tenant_id, source_id, work_type, queue, created_at, customer_ref)
        SELECT $1, 'item-' || g, 'refund', 'claims', $2::timestamptz + g * interval '1 minute', 'cust-' || g FROM generate_series(0, {0}) g
        """;

    private static StoredRecord<T> Stored<T>(T record, string sourceId) => new(0, record, sourceId, Guid.NewGuid(), 1, StoreOutcome.Inserted);

    /// <summary>
    /// A tenant whose <see cref="StoredRows"/> rows (each of <paramref name="inserts"/>: $1 tenant, $2 start, {0} last index) came
    /// after the tables' last ANALYZE, which saw another tenant's as many: to the planner the new tenant has ~1 row.
    /// </summary>
    private async Task<string> FreshTenantAsync(string[] tables, params string[] inserts)
    {
        var (big, fresh) = (UniqueTenant.Next("big"), UniqueTenant.Next("fresh"));
        await using var admin = await AdminAsync();
        foreach (var table in tables)
        {
            await ExecuteAsync(admin, $"ALTER TABLE ingestion.{table} SET (autovacuum_enabled = off)");
        }

        await InsertAsync(admin, big, inserts);
        foreach (var table in tables)
        {
            await ExecuteAsync(admin, $"ANALYZE ingestion.{table}");
        }

        await InsertAsync(admin, fresh, inserts);
        return fresh;
    }

    /// <summary>Runs a derivation in the tenant's transaction: the rows it read from <paramref name="tables"/> and how many results (events, flags) it gave.</summary>
    private async Task<(long RowsRead, int Results)> DeriveAsync(
        string tenant, string[] tables, Func<NpgsqlTransaction, Task<int>> derive)
    {
        try
        {
            return await service.InTenantAsync(tenant, async transaction =>
            {
                var before = await RowsReadAsync(transaction, tables);
                var results = await derive(transaction);
                return (await RowsReadAsync(transaction, tables) - before, results);
            });
        }
        finally
        {
            // The other tests of the collection share the tables: give them back their maintenance.
            await using var admin = await AdminAsync();
            foreach (var table in tables)
            {
                await ExecuteAsync(admin, $"ALTER TABLE ingestion.{table} RESET (autovacuum_enabled)");
            }
        }
    }

    /// <summary>Rows the transaction has read from the tables so far (sequentially or through an index).</summary>
    private static async Task<long> RowsReadAsync(NpgsqlTransaction transaction, string[] tables)
    {
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)), 0)::bigint FROM pg_stat_xact_user_tables WHERE schemaname = 'ingestion' AND relname = ANY($1)",
            transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tables });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task QueueWithDeadlineAsync(string tenant)
    {
        await using var admin = await AdminAsync();
        await using var transaction = await admin.BeginTenantTransactionAsync(tenant);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO ingestion.roster_queues (tenant_id, source_id, channel, is_deferrable, target_service_level, target_seconds, deadline_business_hours,
                                                 open_hours, closed_dates, time_zone, concurrency)
            VALUES ($1, 'claims', 'back_office', true, 0, 0, 48, '[]', '{}', 'Europe/Amsterdam', 1)
            """, admin, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private async Task<NpgsqlConnection> AdminAsync()
    {
        var admin = new NpgsqlConnection(service.Services.GetRequiredService<IConfiguration>().GetConnectionString("postgres-admin"));
        await admin.OpenAsync();
        return admin;
    }

    private static async Task InsertAsync(NpgsqlConnection admin, string tenant, string[] inserts)
    {
        await using var transaction = await admin.BeginTenantTransactionAsync(tenant);
        foreach (var insert in inserts)
        {
            await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, StoredRows - 1), admin, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = tenant });
            command.Parameters.Add(new NpgsqlParameter { Value = Build.Monday.UtcDateTime });
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
