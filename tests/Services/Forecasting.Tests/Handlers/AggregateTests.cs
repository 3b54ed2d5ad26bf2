using BackOfficeCloud.Forecasting.Tests.Support;
using BackOfficeCloud.TestKit;

namespace BackOfficeCloud.Forecasting.Tests.Handlers;

[Collection(ForecastingCollection.Name)]
public sealed class AggregateTests(ForecastingServiceFixture service)
{
    private static readonly DateTimeOffset Nine = new(2026, 1, 12, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Interactions_count_once_in_their_interval_and_a_correction_moves_its_contribution()
    {
        var tenant = UniqueTenant.Next("agg");
        await service.PublishAsync(tenant,
        [
            IngestionEvents.Interaction(tenant, "c1", "billing", Nine.AddMinutes(3), abandoned: false, handleSeconds: 100, version: 1),
            IngestionEvents.Interaction(tenant, "c2", "billing", Nine.AddMinutes(10), abandoned: true, handleSeconds: 0, version: 1),
            IngestionEvents.Interaction(tenant, "c3", "billing", Nine.AddMinutes(20), abandoned: false, handleSeconds: 200, version: 1),
        ]);
        await service.WaitForAppliedAsync(tenant, 3);
        Assert.Equal([new Aggregate(Nine, 2, 1, 100), new Aggregate(Nine.AddMinutes(15), 1, 1, 200)], await AggregatesAsync(tenant, "contacts"));

        // c1 corrected: it arrived at 09:20 and took 300 s; then its first version arrives again, late, and changes nothing.
        // (Each waits for the one before to be applied: in one batch only the latest version is looked at anyway.)
        await service.PublishAsync(tenant, [IngestionEvents.Interaction(tenant, "c1", "billing", Nine.AddMinutes(20), abandoned: false, handleSeconds: 300, version: 2)]);
        await service.WaitForAppliedAsync(tenant, 4);
        Assert.Equal([new Aggregate(Nine, 1, 0, 0), new Aggregate(Nine.AddMinutes(15), 2, 2, 500)], await AggregatesAsync(tenant, "contacts"));
        await service.PublishAsync(tenant, [IngestionEvents.Interaction(tenant, "c1", "billing", Nine.AddMinutes(3), abandoned: false, handleSeconds: 100, version: 1)]);
        await service.WaitForAppliedAsync(tenant, 5);
        Assert.Equal([new Aggregate(Nine, 1, 0, 0), new Aggregate(Nine.AddMinutes(15), 2, 2, 500)], await AggregatesAsync(tenant, "contacts"));
    }

    [Fact]
    public async Task Work_items_count_as_arrivals_of_their_work_type_once_whatever_their_lifecycle_events()
    {
        var tenant = UniqueTenant.Next("agg");
        await service.PublishAsync(tenant,
        [
            IngestionEvents.WorkItem(tenant, "w1", "claims", "created", Nine.AddMinutes(1), effortMinutes: 10, version: 1),
            IngestionEvents.WorkItem(tenant, "w2", "claims", "created", Nine.AddMinutes(2), effortMinutes: 20, version: 1),
        ]);
        await service.WaitForAppliedAsync(tenant, 2);
        Assert.Equal([new Aggregate(Nine, 2, 2, 1800)], await AggregatesAsync(tenant, "work_items", "claims"));

        // w1 is assigned (same arrival), w2's work type is corrected to refunds
        await service.PublishAsync(tenant,
        [
            IngestionEvents.WorkItem(tenant, "w1", "claims", "assigned", Nine.AddMinutes(1), effortMinutes: 10, version: 2),
            IngestionEvents.WorkItem(tenant, "w2", "refunds", "created", Nine.AddMinutes(2), effortMinutes: 20, version: 2),
        ]);
        await service.WaitForAppliedAsync(tenant, 4);
        Assert.Equal([new Aggregate(Nine, 1, 1, 600)], await AggregatesAsync(tenant, "work_items", "claims"));
        Assert.Equal([new Aggregate(Nine, 1, 1, 1200)], await AggregatesAsync(tenant, "work_items", "refunds"));
    }

    [Fact]
    public async Task Interval_statistics_keep_the_latest_version_of_each_row()
    {
        var tenant = UniqueTenant.Next("agg");
        await service.PublishAsync(tenant, [IngestionEvents.Statistic(tenant, "sales", Nine, 30, offered: 10, averageHandleSeconds: 200, version: 1)]);
        await service.WaitForAppliedAsync(tenant, 1);
        await service.PublishAsync(tenant, [IngestionEvents.Statistic(tenant, "sales", Nine, 30, offered: 12, averageHandleSeconds: 250, version: 2)]);
        await service.WaitForAppliedAsync(tenant, 2);
        await service.PublishAsync(tenant, [IngestionEvents.Statistic(tenant, "sales", Nine, 30, offered: 99, averageHandleSeconds: 1, version: 1)]);
        await service.WaitForAppliedAsync(tenant, 3);
        Assert.Equal([new Aggregate(Nine, 12, 12, 3000)], await StatisticsAsync(tenant, "sales"));
    }

    private Task<List<Aggregate>> AggregatesAsync(string tenant, string kind, string queue = "billing") =>
        service.QueryAsync(tenant,
            $"SELECT interval_start, offered, handled, handle_seconds FROM forecasting.interval_aggregates WHERE kind = '{kind}' AND queue = '{queue}' AND offered <> 0 ORDER BY interval_start",
            r => new Aggregate(r.GetFieldValue<DateTimeOffset>(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3)));

    private Task<List<Aggregate>> StatisticsAsync(string tenant, string queue) =>
        service.QueryAsync(tenant,
            $"SELECT interval_start, offered, handled, handle_seconds FROM forecasting.interval_statistics WHERE queue = '{queue}' ORDER BY interval_start",
            r => new Aggregate(r.GetFieldValue<DateTimeOffset>(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3)));

    private sealed record Aggregate(DateTimeOffset Start, double Offered, double Handled, double HandleSeconds);
}
