using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting;
using BackOfficeCloud.Planning.Forecasting.Series;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BackOfficeCloud.Forecasting.Grpc;

[Authorize(Roles = Roles.Readers)]
public sealed class ForecastingApi(IForecaster forecaster) : ForecastingService.ForecastingServiceBase
{
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
        response.Scores.AddRange(result.Backtest.Select(s => new Contracts.Forecasting.V1.MethodScore
        {
            Method = s.Method,
            Wape = s.Wape,
            Mase = s.Mase,
            Bias = s.Bias,
            Coverage80 = s.Coverage80,
            Coverage95 = s.Coverage95,
        }));
        return Task.FromResult(response);
    }
}
