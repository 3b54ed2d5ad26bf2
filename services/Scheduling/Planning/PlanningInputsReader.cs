using BackOfficeCloud.Scheduling.Storage;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>
/// Reads a tenant's planning inputs in the caller's transaction: settings with defaults (the zone of its first roster
/// queue unless set), roster queues, forecasts and the open backlog.
/// </summary>
public sealed class PlanningInputsReader(SettingsStore settings, WorkItemStore workItems)
{
    public async Task<PlanningInputs> ReadAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var queues = await PlanningInputStores.Queues.ReadAllAsync(transaction, cancellationToken);
        var zone = queues.Values.Select(q => q.TimeZone).FirstOrDefault(z => !string.IsNullOrEmpty(z)) ?? "UTC";
        return new PlanningInputs(
            PlanningSettingsDefaults.Complete(await settings.GetAsync(transaction, cancellationToken), zone),
            queues,
            await PlanningInputStores.Forecasts.ReadAllAsync(transaction, cancellationToken),
            await workItems.OpenAsync(transaction, cancellationToken));
    }
}
