using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Forecasting.Adjustments;
using BackOfficeCloud.Forecasting.Jobs;
using BackOfficeCloud.Forecasting.Storage;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting;
using BackOfficeCloud.Planning.Forecasting.Series;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Grpc;

/// <summary>
/// The Forecasting API: inline series; forecast jobs over the tenant's own aggregates (here); stored forecasts and
/// backtests (<c>ForecastingApi.Forecasts.cs</c>); planner adjustments (<c>ForecastingApi.Adjustments.cs</c>).
/// </summary>
[Authorize(Roles = Roles.Readers)]
public sealed partial class ForecastingApi(
    IForecaster forecaster, NpgsqlDataSource dataSource, ForecastJobs jobs, ForecastJobStore jobStore, ForecastStore forecasts,
    AdjustmentService adjustments, AdjustmentStore adjustmentStore, SeriesForecasts series, TimeProvider clock, IOptions<ForecastingOptions> options)
    : ForecastingService.ForecastingServiceBase
{
    private static readonly TimeSpan WatchPollInterval = TimeSpan.FromMilliseconds(100);

    public override Task<ForecastSeriesResponse> ForecastSeries(ForecastSeriesRequest request, ServerCallContext context)
    {
        if (request.History.Count == 0)
        {
            throw new ValidationException("history", "is empty: send at least one week of interval values");
        }

        if (request.Horizon <= 0)
        {
            throw new ValidationException("horizon", $"must be at least 1 interval (got {request.Horizon})");
        }

        var zone = LocalTime.FindZone(string.IsNullOrEmpty(request.TimeZone) ? "UTC" : request.TimeZone);
        var history = IntervalSeries.Aggregate(zone, request.IntervalMinutes,
            request.History.Select(p => new Observation(p.Timestamp.ToDateTimeOffset(), p.Value)));
        var method = string.IsNullOrEmpty(request.Method) ? ForecastMethods.Auto : request.Method;
        var result = forecaster.Forecast(new ForecastRequest(history, ForecastHorizon.After(history, request.Horizon), method));

        var response = new ForecastSeriesResponse { Method = result.Method };
        response.Points.AddRange(result.Values.Select(v => new ForecastPoint
        {
            Timestamp = Timestamp.FromDateTimeOffset(v.Interval.StartUtc),
            Forecast = v.Forecast,
            Lo80 = v.Lo80,
            Hi80 = v.Hi80,
            Lo95 = v.Lo95,
            Hi95 = v.Hi95,
        }));
        response.Scores.AddRange(result.Backtest.Select(ForecastMapping.ToMessage));
        return Task.FromResult(response);
    }

    [Authorize(Roles = Roles.Writers)]
    public override async Task<ForecastJobRef> CreateForecast(CreateForecastRequest request, ServerCallContext context)
    {
        var spec = RequestValidation.Validate(request, options.Value.BaseIntervalMinutes);
        var tenant = context.Tenant();
        var who = CallerNames.Who(context);
        var jobId = await jobs.SubmitAsync(tenant, spec, "create", who, context.CancellationToken);
        return new ForecastJobRef { JobId = jobId.ToString() };
    }

    public override async Task<ForecastJob> GetForecastJob(GetForecastJobRequest request, ServerCallContext context) =>
        ForecastMapping.ToMessage(await FindJobAsync(request, context));

    public override async Task WatchForecastJob(GetForecastJobRequest request, IServerStreamWriter<ForecastJob> responseStream, ServerCallContext context)
    {
        var job = await FindJobAsync(request, context);
        await responseStream.WriteAsync(ForecastMapping.ToMessage(job), context.CancellationToken);
        while (!job.IsFinished)
        {
            await Task.Delay(WatchPollInterval, clock, context.CancellationToken);
            var next = await FindJobAsync(request, context);
            if (next.UpdatedAt != job.UpdatedAt || next.State != job.State || next.Phase != job.Phase || next.SeriesDone != job.SeriesDone)
            {
                await responseStream.WriteAsync(ForecastMapping.ToMessage(next), context.CancellationToken);
            }

            job = next;
        }
    }

    private async Task<JobStatus> FindJobAsync(GetForecastJobRequest request, ServerCallContext context)
    {
        var id = RequestValidation.Id(request.JobId, "job_id");
        return await dataSource.InTenantAsync(context.Tenant(), transaction => jobStore.GetAsync(id, transaction, context.CancellationToken), context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No forecast job {id}."));
    }
}
