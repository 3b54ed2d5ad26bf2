using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Forecasting.Storage;
using BackOfficeCloud.Planning.Forecasting;
using BackOfficeCloud.Planning.Forecasting.Selection;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Grpc.Core;
using EngineBacktestRequest = BackOfficeCloud.Planning.Forecasting.Selection.BacktestRequest;

namespace BackOfficeCloud.Forecasting.Grpc;

public sealed partial class ForecastingApi
{
    public const int DefaultListLimit = 50;
    public const int MaxListLimit = 500;
    public const int MaxBacktestFolds = 10;

    public override async Task<Forecast> GetForecast(GetForecastRequest request, ServerCallContext context)
    {
        var id = RequestValidation.Id(request.ForecastId, "forecast_id");
        return await dataSource.InTenantAsync(context.Tenant(), async transaction =>
        {
            var forecast = await forecasts.GetAsync(id, transaction, context.CancellationToken)
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"No forecast {id}."));
            var (values, applied) = await adjustments.ApplyAsync(forecast, transaction, context.CancellationToken);
            return ForecastMapping.ToMessage(forecast, values, applied);
        }, context.CancellationToken);
    }

    public override async Task<ListForecastsResponse> ListForecasts(ListForecastsRequest request, ServerCallContext context)
    {
        var limit = request.Limit == 0 ? DefaultListLimit : request.Limit;
        if (limit is < 1 or > MaxListLimit)
        {
            throw new ValidationException("limit", $"is {request.Limit}: use 1 to {MaxListLimit} (0 for {DefaultListLimit})");
        }

        var found = await dataSource.InTenantAsync(context.Tenant(), transaction => forecasts.ListAsync(request.Queue, limit, transaction, context.CancellationToken), context.CancellationToken);
        var response = new ListForecastsResponse();
        response.Forecasts.AddRange(found.Select(ForecastMapping.ToSummary));
        return response;
    }

    public override async Task<BacktestResponse> Backtest(Contracts.Forecasting.V1.BacktestRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        RequestValidation.CheckNames([request.Queue], "queue", violations);
        var minutes = RequestValidation.IntervalMinutes(request.IntervalMinutes, options.Value.BaseIntervalMinutes, violations);
        if (request.HorizonDays is < 1 or > RequestValidation.MaxHorizonDays)
        {
            violations.Add(new("horizon_days", $"is {request.HorizonDays}: use 1 to {RequestValidation.MaxHorizonDays}"));
        }

        var folds = request.Folds == 0 ? ForecastOptions.Default.BacktestFolds : request.Folds;
        if (folds is < 1 or > MaxBacktestFolds)
        {
            violations.Add(new("folds", $"is {request.Folds}: use 1 to {MaxBacktestFolds} (0 for {ForecastOptions.Default.BacktestFolds})"));
        }

        RequestValidation.Throw(violations);
        var key = SeriesKey.Of(request.Kind, request.Queue);
        var loaded = await series.LoadAsync(context.Tenant(), key, minutes, request.HistoryEnd?.ToDateTimeOffset(), context.CancellationToken);
        if (loaded.History.Volume.Points.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{key} has no history to backtest on."));
        }

        var result = new Backtester(ForecastOptions.Default with { BacktestFolds = folds })
            .Backtest(new EngineBacktestRequest(loaded.History.Volume, request.HorizonDays * 1440 / minutes, loaded.Calendar.Hours, loaded.Calendar.SpecialDays));
        var response = new BacktestResponse { AutoPick = result.AutoPick };
        response.Scores.AddRange(result.Scores.Select(ForecastMapping.ToMessage));
        response.Folds.AddRange(result.Folds.Select(f =>
        {
            var fold = new BacktestFoldScores { Origin = f.Origin.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), AutoPick = f.AutoPick };
            fold.Scores.AddRange(f.Scores.Select(ForecastMapping.ToMessage));
            return fold;
        }));
        return response;
    }
}
