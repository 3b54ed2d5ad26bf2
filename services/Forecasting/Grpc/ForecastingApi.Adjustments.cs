using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Forecasting.Storage;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BackOfficeCloud.Forecasting.Grpc;

public sealed partial class ForecastingApi
{
    public const int MaxAdjustmentDays = 366;
    public const double MaxPercent = 1000;

    [Authorize(Roles = Roles.Writers)]
    public override async Task<Adjustment> AdjustForecast(AdjustForecastRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        RequestValidation.CheckNames([request.Queue], "queue", violations);
        var start = RequestValidation.Required(request.PeriodStart, "period_start", violations);
        var end = RequestValidation.Required(request.PeriodEnd, "period_end", violations);
        if (request.PeriodStart is not null && request.PeriodEnd is not null && (end <= start || end - start > TimeSpan.FromDays(MaxAdjustmentDays)))
        {
            violations.Add(new("period_end", $"{end:O} must be after period_start {start:O} and at most {MaxAdjustmentDays} days later"));
        }

        switch (request.ChangeCase)
        {
            case AdjustForecastRequest.ChangeOneofCase.None:
                violations.Add(new("percent", "give percent or absolute"));
                break;
            case AdjustForecastRequest.ChangeOneofCase.Percent when !(request.Percent > -100 && request.Percent <= MaxPercent):
                violations.Add(new("percent", $"is {request.Percent}: use more than -100 and at most {MaxPercent}"));
                break;
            case AdjustForecastRequest.ChangeOneofCase.Absolute when !double.IsFinite(request.Absolute):
                violations.Add(new("absolute", $"is {request.Absolute}: use a finite number"));
                break;
        }

        if (request.Note.Length > RequestValidation.MaxNoteLength)
        {
            violations.Add(new("note", $"has {request.Note.Length} characters: at most {RequestValidation.MaxNoteLength}"));
        }

        RequestValidation.Throw(violations);
        var tenant = context.Tenant();
        var who = CallerNames.Who(context);
        var adjustment = new StoredAdjustment(
            Guid.CreateVersion7(), SeriesKey.Of(request.Kind, request.Queue), start, end,
            request.HasPercent ? request.Percent : null, request.HasAbsolute ? request.Absolute : null,
            request.Note, who, clock.GetUtcNow());
        await adjustments.AddAsync(tenant, adjustment, context.CancellationToken);
        return ForecastMapping.ToMessage(adjustment);
    }

    public override async Task<ListAdjustmentsResponse> ListAdjustments(ListAdjustmentsRequest request, ServerCallContext context)
    {
        var found = await dataSource.InTenantAsync(
            context.Tenant(), transaction => adjustmentStore.ListAsync(request.Queue, transaction, context.CancellationToken), context.CancellationToken);
        var response = new ListAdjustmentsResponse();
        response.Adjustments.AddRange(found.Select(ForecastMapping.ToMessage));
        return response;
    }

    [Authorize(Roles = Roles.Writers)]
    public override async Task<RemoveAdjustmentResponse> RemoveAdjustment(RemoveAdjustmentRequest request, ServerCallContext context)
    {
        var id = RequestValidation.Id(request.AdjustmentId, "adjustment_id");
        return await adjustments.RemoveAsync(context.Tenant(), id, context.CancellationToken)
            ? new RemoveAdjustmentResponse()
            : throw new RpcException(new Status(StatusCode.NotFound, $"No adjustment {id}."));
    }
}
