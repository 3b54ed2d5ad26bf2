using BackOfficeCloud.Data;
using BackOfficeCloud.Forecasting.Observability;
using BackOfficeCloud.Forecasting.Storage;
using Npgsql;
using Prometheus;

namespace BackOfficeCloud.Forecasting.Jobs;

/// <summary>
/// Runs one job: claims it, forecasts its series one after another writing progress (series done, current series,
/// phase) as it goes, and ends it succeeded, or failed naming each series that could not be forecast.
/// </summary>
public sealed partial class ForecastJobRunner(
    NpgsqlDataSource dataSource, ForecastJobStore jobs, SeriesForecasts series, TimeProvider clock, ILogger<ForecastJobRunner> logger)
{
    public async Task RunAsync(JobTicket ticket, CancellationToken cancellationToken)
    {
        var claimed = await dataSource.InTenantAsync(ticket.TenantId, transaction =>
            jobs.ClaimAsync(ticket.JobId, clock.GetUtcNow(), transaction, cancellationToken), cancellationToken);
        if (claimed is not { } job)
        {
            return;
        }

        var errors = new List<string>();
        using var timer = ForecastingMetrics.JobDuration.WithLabels(job.Trigger).NewTimer();
        try
        {
            for (var i = 0; i < job.Spec.Series.Count; i++)
            {
                var key = job.Spec.Series[i];
                var done = i;
                try
                {
                    await series.ForecastAsync(
                        ticket.TenantId, ticket.JobId, key, job.Spec, job.Trigger, job.CreatedBy,
                        phase => WriteAsync(ticket, JobStates.Running, phase, done, key.ToString(), "", cancellationToken),
                        cancellationToken);
                }
                catch (ArgumentException ex)
                {
                    errors.Add($"{key}: {ex.Message}");
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogJobFailed(logger, ticket.JobId, ex);
            errors.Add("the job failed unexpectedly; it has been logged");
        }

        var succeeded = errors.Count == 0;
        ForecastingMetrics.JobsFinished.WithLabels(job.Trigger, succeeded ? JobStates.Succeeded : JobStates.Failed).Inc();
        await WriteAsync(
            ticket, succeeded ? JobStates.Succeeded : JobStates.Failed, succeeded ? "done" : JobStates.Failed,
            job.Spec.Series.Count, "", string.Join("; ", errors), CancellationToken.None);
    }

    private Task WriteAsync(JobTicket ticket, string state, string phase, int done, string current, string error, CancellationToken cancellationToken) =>
        dataSource.InTenantAsync(ticket.TenantId, transaction =>
            jobs.UpdateAsync(ticket.JobId, state, phase, done, current, error, clock.GetUtcNow(), transaction, cancellationToken), cancellationToken);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Error, Message = "Forecast job {JobId} failed")]
    private static partial void LogJobFailed(ILogger logger, Guid jobId, Exception exception);
}
