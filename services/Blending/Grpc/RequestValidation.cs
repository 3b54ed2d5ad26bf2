using BackOfficeCloud.Blending.Live;
using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Blending.Model;
using BackOfficeCloud.ServiceDefaults.Validation;

namespace BackOfficeCloud.Blending.Grpc;

/// <summary>Checks a request against the live desk before it becomes a fact; every violation names its field.</summary>
public static class RequestValidation
{
    public static void CheckPolicy(SetPolicyRequest request, TenantDesk desk)
    {
        var violations = new List<FieldViolation>();
        if (!BlendingPolicies.Names.Contains(request.Policy))
        {
            violations.Add(new("policy", $"'{request.Policy}' is not a policy: use {string.Join(", ", BlendingPolicies.Names)}."));
        }

        if (request.Queue.Length > 0 && !desk.KnowsQueue(request.Queue))
        {
            violations.Add(new("queue", $"'{request.Queue}' is not an immediate queue of this tenant."));
        }

        foreach (var (field, has, value) in new[]
        {
            ("minimum_reserve", request.HasMinimumReserve, (double)request.MinimumReserve),
            ("hysteresis", request.HasHysteresis, request.Hysteresis),
            ("extra_reserve_when_behind", request.HasExtraReserveWhenBehind, request.ExtraReserveWhenBehind),
            ("interrupt_after_seconds", request.HasInterruptAfterSeconds, request.InterruptAfterSeconds),
        })
        {
            if (has && !(value >= 0))
            {
                violations.Add(new(field, $"{value} must not be negative."));
            }
        }

        Throw(violations);
    }

    public static void CheckOverride(OverrideDecisionRequest request, TenantDesk desk, DateTimeOffset now)
    {
        var violations = new List<FieldViolation>();
        RequireText(request.By, "by", violations);
        RequireText(request.Why, "why", violations);
        if (!desk.KnowsAgent(request.AgentId))
        {
            violations.Add(new("agent_id", $"'{request.AgentId}' is not an agent of this tenant."));
            Throw(violations);
        }

        switch (request.Action)
        {
            case TenantDesk.AssignItemAction:
                if (!desk.IsOpen(request.WorkItemId))
                {
                    violations.Add(new("work_item_id", $"'{request.WorkItemId}' is not an open back-office item."));
                }
                else if (desk.HolderOf(request.WorkItemId, now) >= 0)
                {
                    violations.Add(new("work_item_id", $"'{request.WorkItemId}' is being worked by an agent."));
                }

                if (desk.ActivityOf(request.AgentId, now) is AgentActivity.Away or AgentActivity.OnContact)
                {
                    violations.Add(new("agent_id", $"'{request.AgentId}' is {desk.ActivityOf(request.AgentId, now)}: only a free agent or one on an item can be given an item."));
                }

                break;
            case TenantDesk.RecallAction:
                if (!desk.KnowsQueue(request.Queue))
                {
                    violations.Add(new("queue", $"'{request.Queue}' is not an immediate queue of this tenant."));
                }

                break;
            case TenantDesk.KeepFreeAction:
                break;
            default:
                violations.Add(new("action", $"'{request.Action}' is not an action: use {TenantDesk.AssignItemAction}, {TenantDesk.RecallAction} or {TenantDesk.KeepFreeAction}."));
                break;
        }

        Throw(violations);
    }

    public static void CheckFinish(FinishTaskRequest request, TenantDesk desk, DateTimeOffset now)
    {
        if (!desk.KnowsAgent(request.AgentId))
        {
            throw new ValidationException("agent_id", $"'{request.AgentId}' is not an agent of this tenant.");
        }

        var holder = desk.HolderOf(request.WorkItemId, now);
        if (holder < 0 || desk.AgentIdAt(holder) != request.AgentId)
        {
            throw new ValidationException("work_item_id", $"'{request.WorkItemId}' is not the item agent '{request.AgentId}' is working.");
        }
    }

    public static void CheckSubscription(SubscribeAgentTasksRequest request)
    {
        var violations = new List<FieldViolation>();
        RequireText(request.AgentId, "agent_id", violations);
        if (request.ResumeAfter < 0)
        {
            violations.Add(new("resume_after", $"{request.ResumeAfter} must not be negative."));
        }

        Throw(violations);
    }

    private static void RequireText(string value, string field, List<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(new(field, "is required."));
        }
    }

    private static void Throw(List<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }
    }
}
