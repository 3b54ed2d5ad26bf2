using BackOfficeCloud.Scheduling.Storage;
using Microsoft.Extensions.Options;

namespace BackOfficeCloud.Scheduling.Jobs;

/// <summary>
/// Runs queued schedule jobs, at most <see cref="ScheduleJobOptions.MaxConcurrentSolves"/> at a time on this replica.
/// Before each claim it fails the running jobs whose runner stopped sending heartbeats (a restart or a crash), so no
/// job stays "running" for ever.
/// </summary>
public sealed partial class ScheduleJobRunner(
    ScheduleJobStore jobs, ScheduleJobExecution execution, JobQueueSignal signal, IOptions<ScheduleJobOptions> options, ILogger<ScheduleJobRunner> logger)
    : BackgroundService
{
    private readonly string _runner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.MaxConcurrentSolves)).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var stale = await jobs.FailStaleAsync(options.Value.StaleAfter, stoppingToken);
                if (stale > 0)
                {
                    LogStaleJobsFailed(logger, stale);
                }

                if (await jobs.ClaimAsync(_runner, stoppingToken) is { } job)
                {
                    await execution.RunAsync(job, stoppingToken);
                }
                else
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogRunnerError(logger, error);
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 3111, Level = LogLevel.Warning, Message = "Failed {Count} schedule jobs whose runner stopped")]
    private static partial void LogStaleJobsFailed(ILogger logger, int count);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Error, Message = "Schedule job runner error; retrying")]
    private static partial void LogRunnerError(ILogger logger, Exception error);
}
