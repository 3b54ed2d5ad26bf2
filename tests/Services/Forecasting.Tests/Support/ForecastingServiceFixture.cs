using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.TestKit.Services;
using Microsoft.Extensions.DependencyInjection;

namespace BackOfficeCloud.Forecasting.Tests.Support;

/// <summary>
/// The Forecasting service in process with a clock the tests set; Ingestion's events reach it through the broker
/// like Ingestion's own.
/// </summary>
public sealed class ForecastingServiceFixture() : InProcessService<Program>("forecasting", Topics.ForecastingForecasts)
{
    public TestClock Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // the tests drive the reforecast scheduler themselves
        ["Forecasting:SchedulerTick"] = "01:00:00",
        ["Forecasting:Workers"] = "2",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public ForecastingService.ForecastingServiceClient Client(string apiKey) => new(Channel(apiKey));

    /// <summary>Waits (bounded) for a published forecast of the tenant that matches.</summary>
    public Task<ForecastPublished?> PublishedForecastAsync(string tenant, Func<ForecastPublished, bool> match) =>
        Published.WaitForAsync(tenant, EventTypes.ForecastPublished, match);
}

[CollectionDefinition(Name)]
public sealed class ForecastingCollection : ICollectionFixture<ForecastingServiceFixture>
{
    public const string Name = "forecasting service";
}
