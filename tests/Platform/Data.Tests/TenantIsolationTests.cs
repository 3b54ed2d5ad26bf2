using BackOfficeCloud.DevInfra.Postgres;
using BackOfficeCloud.TestKit;
using Npgsql;

namespace BackOfficeCloud.Data.Tests;

public class TenantIsolationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private const string Schema = "isolation_test";
    private NpgsqlDataSource _app = null!;

    public async Task InitializeAsync()
    {
        await SchemaMigrator.MigrateAsync(postgres.Server.OwnerConnectionString, Schema, LocalPostgres.AppRole, [typeof(TenantIsolationTests).Assembly]);
        _app = NpgsqlDataSource.Create(postgres.Server.AppConnectionString);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_tenant_sees_only_its_own_rows_without_a_where_clause()
    {
        var a = UniqueTenant.Next("a");
        var b = UniqueTenant.Next("b");
        await InsertAsync(a, "for a");
        await InsertAsync(b, "for b");

        var seenByA = await ReadAllAsync(a);

        Assert.Equal(["for a"], seenByA);
    }

    [Fact]
    public async Task No_tenant_setting_returns_nothing_rather_than_everything()
    {
        await InsertAsync(UniqueTenant.Next(), "someone's note");

        await using var command = _app.CreateCommand($"SELECT count(*) FROM {Schema}.notes");
        var count = (long)(await command.ExecuteScalarAsync())!;

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task A_tenant_cannot_write_a_row_for_another_tenant()
    {
        var a = UniqueTenant.Next("a");
        var b = UniqueTenant.Next("b");
        var (connection, transaction) = await _app.OpenTenantTransactionAsync(a);
        await using (connection)
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {Schema}.notes (tenant_id, body) VALUES ($1, 'forged')", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = b });

            var ex = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
    }

    [Fact]
    public async Task The_app_role_cannot_bypass_row_level_security()
    {
        await using var command = _app.CreateCommand("SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = current_user");

        Assert.False((bool)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        await SchemaMigrator.MigrateAsync(postgres.Server.OwnerConnectionString, Schema, LocalPostgres.AppRole, [typeof(TenantIsolationTests).Assembly]);

        await using var owner = NpgsqlDataSource.Create(postgres.Server.OwnerConnectionString);
        await using var command = owner.CreateCommand($"SELECT count(*) FROM {Schema}.schema_versions");
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public void Tenant_ids_that_could_escape_a_key_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TenantId.Ensure("acme'; DROP TABLE x; --"));
        Assert.Equal("acme-01", TenantId.Ensure("acme-01"));
    }

    private async Task InsertAsync(string tenant, string body)
    {
        var (connection, transaction) = await _app.OpenTenantTransactionAsync(tenant);
        await using (connection)
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {Schema}.notes (tenant_id, body) VALUES ($1, $2)", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = tenant });
            insert.Parameters.Add(new NpgsqlParameter { Value = body });
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }

    private async Task<List<string>> ReadAllAsync(string tenant)
    {
        var (connection, transaction) = await _app.OpenTenantTransactionAsync(tenant);
        await using (connection)
        {
            await using var select = new NpgsqlCommand($"SELECT body FROM {Schema}.notes", connection, transaction);
            await using var reader = await select.ExecuteReaderAsync();
            var bodies = new List<string>();
            while (await reader.ReadAsync())
            {
                bodies.Add(reader.GetString(0));
            }

            return bodies;
        }
    }
}
