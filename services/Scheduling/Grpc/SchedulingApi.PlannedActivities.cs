using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Scheduling.Storage;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BackOfficeCloud.Scheduling.Grpc;

public sealed partial class SchedulingApi
{
    private const int MaxPlannedActivities = 1000;
    private const int MaxIdLength = 200;
    private static readonly TimeSpan MaxActivityLength = TimeSpan.FromHours(12);

    [Authorize(Roles = Roles.Writers)]
    public override Task<PlannedActivities> PutPlannedActivities(PutPlannedActivitiesRequest request, ServerCallContext context)
    {
        ValidatePlannedActivities(request);
        return InTenantAsync(context, async transaction =>
        {
            await PlannedActivityStore.PutAsync(transaction, request.Activities, request.RemoveActivityIds, context.CancellationToken);
            return new PlannedActivities { Activities = { request.Activities } };
        });
    }

    public override Task<PlannedActivities> ListPlannedActivities(ListPlannedActivitiesRequest request, ServerCallContext context)
    {
        var from = request.From?.ToDateTimeOffset() ?? DateTimeOffset.MinValue;
        var to = request.To?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue;
        if (to <= from)
        {
            throw new ValidationException("to", $"{to:O} must be after from ({from:O})");
        }

        return InTenantAsync(context, async transaction =>
            new PlannedActivities { Activities = { await PlannedActivityStore.OverlappingAsync(transaction, from, to, context.CancellationToken) } });
    }

    private static void ValidatePlannedActivities(PutPlannedActivitiesRequest request)
    {
        if (request.Activities.Count > MaxPlannedActivities)
        {
            throw new ValidationException("activities", $"{request.Activities.Count} activities: at most {MaxPlannedActivities} per request");
        }

        var violations = new List<FieldViolation>();
        void Id(string value, string field)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength)
            {
                violations.Add(new(field, $"'{value}' must be given and at most {MaxIdLength} characters"));
            }
        }

        for (var i = 0; i < request.Activities.Count; i++)
        {
            var a = request.Activities[i];
            var field = $"activities[{i}]";
            Id(a.ActivityId, $"{field}.activity_id");
            Id(a.Name, $"{field}.name");
            if (a.Start is null || a.End is null)
            {
                violations.Add(new(a.Start is null ? $"{field}.start" : $"{field}.end", "is required"));
            }
            else if (a.End.ToDateTimeOffset() - a.Start.ToDateTimeOffset() is var length && (length <= TimeSpan.Zero || length > MaxActivityLength))
            {
                violations.Add(new($"{field}.end", $"{a.End.ToDateTimeOffset():O} must be after start ({a.Start.ToDateTimeOffset():O}) and at most {MaxActivityLength.TotalHours} hours later"));
            }

            if (a.AgentIds.Count == 0)
            {
                violations.Add(new($"{field}.agent_ids", "needs at least one attendee"));
            }

            for (var k = 0; k < a.AgentIds.Count; k++)
            {
                Id(a.AgentIds[k], $"{field}.agent_ids[{k}]");
            }
        }

        for (var i = 0; i < request.RemoveActivityIds.Count; i++)
        {
            Id(request.RemoveActivityIds[i], $"remove_activity_ids[{i}]");
        }

        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }
    }
}
