using BackOfficeCloud.Data;
using BackOfficeCloud.Forecasting.Storage;
using BackOfficeCloud.Forecasting.Tests.Support;
using BackOfficeCloud.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Tests.Jobs;

[Collection(ForecastingCollection.Name)]
public sealed class JobRecoveryTests(ForecastingServiceFixture service)
{
    [Fact]
    public async Task A_restarted_replica_takes_back_queued_jobs_and_running_ones_without_recent_progress()
    {
        var tenant = UniqueTenant.Next("rec");
        var dataSource = service.Services.GetRequiredService<NpgsqlDataSource>();
        var jobs = service.Services.GetRequiredService<ForecastJobStore>();
        var longAgo = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var spec = new ForecastJobSpec([new SeriesKey(SeriesKey.Contacts, "billing")], null, null, 1, 15, "auto");
        var (queued, stalled, progressing) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await dataSource.InTenantAsync(tenant, async transaction =>
        {
            foreach (var id in new[] { queued, stalled, progressing })
            {
                await jobs.CreateAsync(id, spec, "create", "test", longAgo, transaction, CancellationToken.None);
            }

            await jobs.UpdateAsync(stalled, JobStates.Running, "forecasting", 0, "billing", "", longAgo, transaction, CancellationToken.None);
            await jobs.UpdateAsync(progressing, JobStates.Running, "forecasting", 0, "billing", "", longAgo.AddMinutes(5), transaction, CancellationToken.None);
        }, CancellationToken.None);

        var recovered = await ForecastJobStore.RecoverAcrossTenantsAsync(dataSource, longAgo.AddMinutes(1), CancellationToken.None);

        Assert.Contains((tenant, queued), recovered);
        Assert.Contains((tenant, stalled), recovered);
        Assert.DoesNotContain((tenant, progressing), recovered);
        var states = await dataSource.InTenantAsync(tenant, async transaction =>
            (await jobs.GetAsync(stalled, transaction, CancellationToken.None))!.State + "/" + (await jobs.GetAsync(progressing, transaction, CancellationToken.None))!.State,
            CancellationToken.None);
        Assert.Equal("queued/running", states);
    }
}
