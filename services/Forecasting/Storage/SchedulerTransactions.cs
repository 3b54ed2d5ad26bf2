using Npgsql;

namespace BackOfficeCloud.Forecasting.Storage;

/// <summary>
/// A read-only view across tenants for the job recovery and the reforecast scheduler: the forecasts and jobs tables
/// have a SELECT policy for transactions that set <c>app.forecast_scheduler</c> (as the outbox relay does for the outbox).
/// </summary>
public static class SchedulerTransactions
{
    public const string Setting = "app.forecast_scheduler";

    public static async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var scheduler = new NpgsqlCommand($"SELECT set_config('{Setting}', 'on', true)", connection, transaction);
            await scheduler.ExecuteNonQueryAsync(cancellationToken);
            return (connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
