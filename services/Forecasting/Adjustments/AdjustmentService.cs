using BackOfficeCloud.Data;
using BackOfficeCloud.Forecasting.Events;
using BackOfficeCloud.Forecasting.Storage;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Adjustments;

/// <summary>
/// Adds and removes planner adjustments. Either way the newest forecast of the series that the period touches is
/// published again (next version, adjusted values) in the same transaction, so consumers plan on what the planner said.
/// </summary>
public sealed class AdjustmentService(NpgsqlDataSource dataSource, AdjustmentStore adjustments, ForecastStore forecasts, ForecastEvents events)
{
    public const string Trigger = "adjustment";

    public Task AddAsync(string tenantId, StoredAdjustment adjustment, CancellationToken cancellationToken) =>
        dataSource.InTenantAsync(tenantId, async transaction =>
        {
            await adjustments.AddAsync(adjustment, transaction, cancellationToken);
            await RepublishAsync(tenantId, adjustment, transaction, cancellationToken);
        }, cancellationToken);

    /// <summary>False when the tenant has no adjustment with that id.</summary>
    public Task<bool> RemoveAsync(string tenantId, Guid adjustmentId, CancellationToken cancellationToken) =>
        dataSource.InTenantAsync(tenantId, async transaction =>
        {
            if (await adjustments.RemoveAsync(adjustmentId, transaction, cancellationToken) is not { } removed)
            {
                return false;
            }

            await RepublishAsync(tenantId, removed, transaction, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>The forecast's values with the series' adjustments over its horizon applied, and those adjustments.</summary>
    public async Task<(IReadOnlyList<StoredValue> Values, IReadOnlyList<StoredAdjustment> Applied)> ApplyAsync(
        StoredForecast forecast, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = await adjustments.OverlappingAsync(forecast.Key, forecast.HorizonStart, forecast.HorizonEnd, transaction, cancellationToken);
        return (AdjustmentApplier.Apply(forecast.Values, applied), applied);
    }

    private async Task RepublishAsync(string tenantId, StoredAdjustment changed, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (await forecasts.LatestOverlappingAsync(changed.Key, changed.PeriodStart, changed.PeriodEnd, transaction, cancellationToken) is not { } forecast)
        {
            return;
        }

        var (values, _) = await ApplyAsync(forecast, transaction, cancellationToken);
        var version = await forecasts.NextPublishedVersionAsync(forecast.ForecastId, transaction, cancellationToken);
        await events.EnqueueAsync(tenantId, forecast, values, version, Trigger, transaction, cancellationToken);
    }
}
