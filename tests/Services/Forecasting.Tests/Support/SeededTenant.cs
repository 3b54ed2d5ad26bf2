using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.TestKit;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace BackOfficeCloud.Forecasting.Tests.Support;

/// <summary>A new tenant with the <see cref="CallHistory"/> of one queue applied, and a planner's API key.</summary>
public sealed record SeededTenant(string Tenant, string Queue, string ApiKey, ForecastingService.ForecastingServiceClient Client)
{
    public const string KeyName = "planner anna";

    public static async Task<SeededTenant> CreateAsync(ForecastingServiceFixture service, string queue = "billing")
    {
        var tenant = UniqueTenant.Next("fc");
        var events = CallHistory.Events(tenant, queue);
        await service.PublishAsync(tenant, events);
        await service.WaitForAppliedAsync(tenant, events.Count);
        var key = await service.NewApiKeyAsync(tenant, name: KeyName);
        return new SeededTenant(tenant, queue, key, service.Client(key));
    }

    /// <summary>The week after the history, at 15 minutes, with auto.</summary>
    public CreateForecastRequest WeekAhead() => new()
    {
        Queues = { Queue },
        HorizonStart = Timestamp.FromDateTimeOffset(LocalTime.StartOfDay(CallHistory.Zone, CallHistory.ForecastDay)),
        Days = 7,
    };

    /// <summary>Creates a forecast job and waits for it to finish; returns its last state.</summary>
    public async Task<ForecastJob> RunAsync(CreateForecastRequest request)
    {
        var job = await Client.CreateForecastAsync(request);
        ForecastJob last = new();
        using var watch = Client.WatchForecastJob(new GetForecastJobRequest { JobId = job.JobId }, deadline: DateTime.UtcNow.AddMinutes(2));
        await foreach (var update in watch.ResponseStream.ReadAllAsync())
        {
            last = update;
        }

        return last;
    }
}
