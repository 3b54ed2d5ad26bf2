using BackOfficeCloud.Data;
using BackOfficeCloud.Planning.Scheduling;
using BackOfficeCloud.Planning.Scheduling.Checking;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Planning.Scheduling.Solving;
using BackOfficeCloud.Scheduling.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Jobs;

/// <summary>
/// Runs one claimed job: the column-generation optimiser on a thread of its own, its progress and heartbeat written
/// every report interval (which is also when a cancel request is seen), then the schedule — checked against every
/// hard rule — stored as version 1 in the same transaction that ends the job.
/// </summary>
public sealed partial class ScheduleJobExecution(
    NpgsqlDataSource dataSource, ScheduleJobStore jobs, ScheduleStore schedules, IOptions<ScheduleJobOptions> options,
    TimeProvider clock, ILogger<ScheduleJobExecution> logger)
{
    public async Task RunAsync(ClaimedJob job, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(job);
        var progress = new LatestProgress();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        IScheduleOptimizer optimizer = new ColumnGenerationOptimizer(new ScheduleOptimizerOptions(job.TimeLimit, job.GapTolerance, Clock: clock));
        var solve = Task.Factory.StartNew(() => optimizer.Solve(job.Problem, progress, cancel.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        while (!solve.IsCompleted)
        {
            await Task.WhenAny(solve, Task.Delay(options.Value.ReportInterval, CancellationToken.None));
            if (await ReportAsync(job, progress.Current))
            {
                await cancel.CancelAsync();
            }
        }

        try
        {
            var result = await solve;
            if (stopping.IsCancellationRequested)
            {
                await EndAsync(job, JobStates.Failed, null, progress.Current, "the service stopped during the solve; create the job again");
                return;
            }

            await CompleteAsync(job, result);
        }
        catch (ArgumentException error)
        {
            LogJobFailed(logger, job.JobId, error);
            await EndAsync(job, JobStates.Failed, null, progress.Current, error.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Ended at once rather than left for the stale-heartbeat sweep; the details stay in the log.
            LogJobFailed(logger, job.JobId, error);
            await EndAsync(job, JobStates.Failed, null, progress.Current, "the solve failed unexpectedly; it has been logged");
        }
    }

    private async Task CompleteAsync(ClaimedJob job, ScheduleResult result)
    {
        var violations = new ScheduleChecker().Check(job.Problem, result.Schedule).Select(v => $"{v.EmployeeId}\t{v.Rule}\t{v.Detail}").ToList();
        var stored = new StoredSchedule(Guid.CreateVersion7(), 1, job.PlanId, job.JobId, job.Problem, result, violations, null);
        var state = result.Status == SolveStatus.Cancelled ? JobStates.Cancelled : JobStates.Succeeded;
        var final = new JobProgress("done", result.Objective.Total, result.LowerBound, result.Gap, result.Elapsed);
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(job.TenantId, CancellationToken.None);
        await using (connection)
        await using (transaction)
        {
            await schedules.InsertAsync(transaction, stored, CancellationToken.None);
            await jobs.FinishAsync(transaction, job.JobId, state, stored.ScheduleId, final, "", CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        LogJobEnded(logger, job.JobId, state, result.Objective.Total, result.Gap, violations.Count);
    }

    private async Task EndAsync(ClaimedJob job, string state, Guid? scheduleId, JobProgress? progress, string error)
    {
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(job.TenantId, CancellationToken.None);
        await using (connection)
        await using (transaction)
        {
            await jobs.FinishAsync(transaction, job.JobId, state, scheduleId, progress, error, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
    }

    /// <summary>Writes progress; a failed write (database briefly away) only delays it, it does not stop the solve.</summary>
    private async Task<bool> ReportAsync(ClaimedJob job, JobProgress? progress)
    {
        try
        {
            return await jobs.ReportAsync(job, progress, CancellationToken.None);
        }
        catch (NpgsqlException error)
        {
            LogReportFailed(logger, job.JobId, error);
            return false;
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Schedule job {JobId} ended {State}: objective {Objective}, gap {Gap}, {Violations} violations")]
    private static partial void LogJobEnded(ILogger logger, Guid jobId, string state, double objective, double gap, int violations);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Schedule job {JobId} failed")]
    private static partial void LogJobFailed(ILogger logger, Guid jobId, Exception error);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Schedule job {JobId}: progress not written")]
    private static partial void LogReportFailed(ILogger logger, Guid jobId, Exception error);
}
