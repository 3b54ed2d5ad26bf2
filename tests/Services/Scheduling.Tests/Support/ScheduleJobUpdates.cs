using BackOfficeCloud.Contracts.Scheduling.V1;
using Grpc.Core;

namespace BackOfficeCloud.Scheduling.Tests.Support;

public static class ScheduleJobUpdates
{
    /// <summary>Every update WatchScheduleJob streams until the job ends (at most three minutes).</summary>
    public static async Task<List<ScheduleJob>> AllAsync(SchedulingService.SchedulingServiceClient client, string jobId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var watch = client.WatchScheduleJob(new GetScheduleJobRequest { JobId = jobId }, cancellationToken: timeout.Token);
        var updates = new List<ScheduleJob>();
        await foreach (var update in watch.ResponseStream.ReadAllAsync(timeout.Token))
        {
            updates.Add(update);
        }

        return updates;
    }
}
