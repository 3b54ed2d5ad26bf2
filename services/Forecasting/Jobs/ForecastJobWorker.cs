using BackOfficeCloud.Forecasting.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Jobs;

/// <summary>
/// Runs the queued jobs with <see cref="ForecastingOptions.Workers"/> loops. At start-up it takes back the jobs a
/// stopped replica left queued, or running without progress for <see cref="StaleAfter"/>.
/// </summary>
public sealed partial class ForecastJobWorker(
    ForecastJobQueue queue, ForecastJobRunner runner, NpgsqlDataSource dataSource, TimeProvider clock,
    IOptions<ForecastingOptions> options, ILogger<ForecastJobWorker> logger) : BackgroundService
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)).ToList();
        await RecoverAsync(stoppingToken);
        await Task.WhenAll(loops);
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var (tenant, jobId) in await ForecastJobStore.RecoverAcrossTenantsAsync(dataSource, clock.GetUtcNow() - StaleAfter, stoppingToken))
            {
                await queue.EnqueueAsync(new JobTicket(tenant, jobId), stoppingToken);
            }
        }
        catch (NpgsqlException ex)
        {
            LogRecoveryFailed(logger, ex);
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var ticket in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await runner.RunAsync(ticket, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRunFailed(logger, ticket.JobId, ex);
            }
        }
    }

    [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "Could not recover unfinished forecast jobs at start-up")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Error, Message = "Forecast job {JobId} could not be run; it stays as stored")]
    private static partial void LogRunFailed(ILogger logger, Guid jobId, Exception exception);
}
