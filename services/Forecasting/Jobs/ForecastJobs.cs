using BackOfficeCloud.Data;
using BackOfficeCloud.Forecasting.Storage;
using Grpc.Core;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Jobs;

/// <summary>Stores a new job (queued) and hands it to this replica's workers.</summary>
public sealed class ForecastJobs(NpgsqlDataSource dataSource, ForecastJobStore jobs, ForecastJobQueue queue, TimeProvider clock)
{
    public const string QueueFull = "the forecast job queue is full; try again later";

    /// <summary>For a caller that should not wait: a full queue fails the job and answers ResourceExhausted.</summary>
    public async Task<Guid> SubmitAsync(string tenantId, ForecastJobSpec spec, string trigger, string createdBy, CancellationToken cancellationToken)
    {
        var jobId = await StoreAsync(tenantId, spec, trigger, createdBy, cancellationToken);
        if (!queue.TryEnqueue(new JobTicket(tenantId, jobId)))
        {
            await dataSource.InTenantAsync(tenantId, transaction =>
                jobs.UpdateAsync(jobId, JobStates.Failed, JobStates.Failed, 0, "", QueueFull, clock.GetUtcNow(), transaction, cancellationToken), cancellationToken);
            throw new RpcException(new Status(StatusCode.ResourceExhausted, QueueFull));
        }

        return jobId;
    }

    /// <summary>For the scheduler: waits for room in the queue.</summary>
    public async Task<Guid> SubmitWaitingAsync(string tenantId, ForecastJobSpec spec, string trigger, string createdBy, CancellationToken cancellationToken)
    {
        var jobId = await StoreAsync(tenantId, spec, trigger, createdBy, cancellationToken);
        await queue.EnqueueAsync(new JobTicket(tenantId, jobId), cancellationToken);
        return jobId;
    }

    private async Task<Guid> StoreAsync(string tenantId, ForecastJobSpec spec, string trigger, string createdBy, CancellationToken cancellationToken)
    {
        var jobId = Guid.CreateVersion7();
        await dataSource.InTenantAsync(tenantId, transaction =>
            jobs.CreateAsync(jobId, spec, trigger, createdBy, clock.GetUtcNow(), transaction, cancellationToken), cancellationToken);
        return jobId;
    }
}
