using Npgsql;

namespace BackOfficeCloud.Data;

/// <summary>
/// Every tenant-owned table has a row-level-security policy on <c>app.tenant_id</c>. A transaction sees a tenant's
/// rows only after this sets it; without it a query sees no rows at all.
/// </summary>
public static class TenantTransactions
{
    public const string TenantSetting = "app.tenant_id";

    public static async Task<NpgsqlTransaction> BeginTenantTransactionAsync(
        this NpgsqlConnection connection, string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        TenantId.Ensure(tenantId);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT set_config('{TenantSetting}', $1, true)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    /// <summary>Opens a connection and starts a transaction scoped to <paramref name="tenantId"/>.</summary>
    public static async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> OpenTenantTransactionAsync(
        this NpgsqlDataSource dataSource, string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (connection, await connection.BeginTenantTransactionAsync(tenantId, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction of the tenant and commits it.</summary>
    public static async Task<T> InTenantAsync<T>(
        this NpgsqlDataSource dataSource, string tenantId, Func<NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        await using (transaction.ConfigureAwait(false))
        {
            var result = await work(transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    /// <inheritdoc cref="InTenantAsync{T}"/>
    public static Task InTenantAsync(
        this NpgsqlDataSource dataSource, string tenantId, Func<NpgsqlTransaction, Task> work, CancellationToken cancellationToken = default) =>
        dataSource.InTenantAsync(tenantId, async transaction => { await work(transaction).ConfigureAwait(false); return true; }, cancellationToken);
}
