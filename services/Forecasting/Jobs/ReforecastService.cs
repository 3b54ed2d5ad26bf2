using Microsoft.Extensions.Options;

namespace BackOfficeCloud.Forecasting.Jobs;

/// <summary>Asks the <see cref="ReforecastScheduler"/> for due reforecasts every <see cref="ForecastingOptions.SchedulerTick"/>.</summary>
public sealed partial class ReforecastService(
    ReforecastScheduler scheduler, TimeProvider clock, IOptions<ForecastingOptions> options, ILogger<ReforecastService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerTick, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var started in await scheduler.RunDueAsync(stoppingToken))
                {
                    LogStarted(logger, started.Trigger, started.Key.ToString(), started.JobId);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 4411, Level = LogLevel.Information, Message = "Started {Trigger} reforecast of {Series}: job {JobId}")]
    private static partial void LogStarted(ILogger logger, string trigger, string series, Guid jobId);

    [LoggerMessage(EventId = 4412, Level = LogLevel.Warning, Message = "Reforecast scheduling failed; it is tried again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
