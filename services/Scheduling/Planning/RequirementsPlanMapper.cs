using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Staffing.Planning;
using Google.Protobuf.WellKnownTypes;
using StaffingRequest = BackOfficeCloud.Planning.Staffing.Planning.RequirementsRequest;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>The staffing engine's result as the API's plan: per queue and interval, totals, shortfalls, blended vs silo.</summary>
public static class RequirementsPlanMapper
{
    public static RequirementsPlan ToPlan(Guid planId, StaffingRequest request, RequirementsResult result, PlanningPeriod period, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(period);
        var rows = result.Intervals;
        var plan = new RequirementsPlan
        {
            PlanId = planId.ToString(),
            Status = Status(result.Status),
            PeriodStart = Timestamp.FromDateTimeOffset(period.Start),
            PeriodEnd = Timestamp.FromDateTimeOffset(period.End),
            IntervalMinutes = request.Horizon.IntervalMinutes,
            TimeZone = timeZone,
            Comparison = new BlendedSiloComparison
            {
                BlendedPaidHours = result.Blended.PaidHours,
                SiloPaidHours = result.Silo.PaidHours,
                SavingHours = result.SavingHours,
                SavingShare = result.SavingShare,
                LpBoundHours = result.Blended.LpBoundHours,
                OptimalityGap = result.Blended.Gap,
                SiloBackOfficeHeads = result.Silo.BackOfficeHeads,
            },
        };
        plan.Queues.AddRange(request.Queues.Select((q, k) => new QueueRequirements
        {
            Queue = q.Name,
            Intervals = { rows.Select(r => new RequirementInterval { Start = Start(r), ImmediateAgents = r.Queues[k].Agents, TotalAgents = r.Queues[k].Agents }) },
        }));
        plan.Queues.AddRange(request.WorkTypes.Select((w, k) => new QueueRequirements
        {
            Queue = w.Name,
            Deferrable = true,
            ShortfallMinutes = result.Shortfalls.Where(s => s.WorkType == w.Name).Sum(s => s.LateWorkMinutes),
            Intervals =
            {
                rows.Select(r => new RequirementInterval
                {
                    Start = Start(r),
                    DeferrableMinutes = r.WorkTypes[k].PlannedMinutes,
                    TotalAgents = r.WorkTypes[k].PlannedMinutes / r.Interval.Minutes,
                    BacklogMinutes = r.WorkTypes[k].BacklogMinutes,
                    OverdueMinutes = r.WorkTypes[k].OverdueMinutes,
                }),
            },
        }));
        plan.Totals.AddRange(rows.Select(r => new RequirementInterval
        {
            Start = Start(r),
            ImmediateAgents = r.ImmediateAgents,
            DeferrableMinutes = r.DeferrableMinutes,
            TotalAgents = r.ProductiveAgents,
            BacklogMinutes = r.WorkTypes.Sum(w => w.BacklogMinutes),
            OverdueMinutes = r.WorkTypes.Sum(w => w.OverdueMinutes),
            ScheduledHeads = r.ScheduledHeads,
            SiloHeads = r.SiloHeads,
        }));
        plan.Shortfalls.AddRange(result.Shortfalls.Select(s => new DeadlineShortfall
        {
            WorkType = s.WorkType,
            Item = s.Item,
            Due = Timestamp.FromDateTimeOffset(s.Due),
            LateWorkMinutes = s.LateWorkMinutes,
            LateItems = s.LateItems,
            Completed = s.Completed is { } completed ? Timestamp.FromDateTimeOffset(completed) : null,
        }));
        return plan;
    }

    /// <summary>The plan as the event announcing it on scheduling.requirements.</summary>
    public static RequirementsPublished ToEvent(RequirementsPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new RequirementsPublished
        {
            PlanId = plan.PlanId,
            PeriodStart = plan.PeriodStart,
            PeriodEnd = plan.PeriodEnd,
            IntervalMinutes = plan.IntervalMinutes,
            Queues = { plan.Queues },
            BlendedPaidHours = plan.Comparison.BlendedPaidHours,
            SiloPaidHours = plan.Comparison.SiloPaidHours,
            OptimalityGap = plan.Comparison.OptimalityGap,
            Status = plan.Status,
            TimeZone = plan.TimeZone,
            LpBoundHours = plan.Comparison.LpBoundHours,
            SavingHours = plan.Comparison.SavingHours,
            Shortfalls = { plan.Shortfalls },
            Totals = { plan.Totals },
        };
    }

    private static Timestamp Start(IntervalRequirement row) => Timestamp.FromDateTimeOffset(row.Interval.StartUtc);

    private static string Status(PlanStatus status) => status switch
    {
        PlanStatus.Optimal => "optimal",
        PlanStatus.Feasible => "feasible",
        _ => "not_solved",
    };
}
