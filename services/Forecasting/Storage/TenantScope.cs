using BackOfficeCloud.Data;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Storage;

public static class TenantScope
{
    /// <summary>Runs <paramref name="work"/> in one transaction of the tenant and commits it.</summary>
    public static async Task<T> InTenantAsync<T>(
        this NpgsqlDataSource dataSource, string tenantId, Func<NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenantId, cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var result = await work(transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
    }

    public static Task InTenantAsync(
        this NpgsqlDataSource dataSource, string tenantId, Func<NpgsqlTransaction, Task> work, CancellationToken cancellationToken) =>
        dataSource.InTenantAsync(tenantId, async transaction => { await work(transaction); return true; }, cancellationToken);
}
