using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Checking;
using BackOfficeCloud.Planning.Scheduling.Compilation;
using BackOfficeCloud.Planning.Scheduling.Replanning;
using BackOfficeCloud.Planning.Scheduling.Solving;
using BackOfficeCloud.Scheduling.Storage;
using BackOfficeCloud.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;
using ApiChange = BackOfficeCloud.Contracts.Scheduling.V1.ScheduleChange;
using ApiRequest = BackOfficeCloud.Contracts.Scheduling.V1.ReplanIntradayRequest;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>A re-planned schedule version, the changes that made it, and the missing agent-hours before and after.</summary>
public sealed record IntradayReplan(StoredSchedule Schedule, IReadOnlyList<ApiChange> Changes, double MissingAgentHoursBefore, double MissingAgentHoursAfter);

/// <summary>
/// Repairs the rest of the day of a schedule version with the intraday re-planner and prices the result as the next
/// version. Its lower bound stays the original solve's (absences only restrict the problem, so it remains a bound
/// unless the re-forecast lowers demand).
/// </summary>
public static class IntradayReplanning
{
    public static IntradayReplan Replan(StoredSchedule latest, ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(request);
        var problem = latest.Problem;
        var zone = LocalTime.FindZone(problem.Horizon.TimeZone);
        var grid = IntervalGrid.Build(zone, problem.Horizon.FirstDay, problem.Horizon.Days, problem.Horizon.IntervalMinutes);
        var now = request.Now?.ToDateTimeOffset() ?? throw new ValidationException("now", "is required");
        if (now < grid[0].StartUtc || now >= grid[^1].EndUtc)
        {
            throw new ValidationException("now", $"{now:O} is outside the schedule's period {grid[0].StartUtc:O} to {grid[^1].EndUtc:O}");
        }

        var endOfDay = LocalTime.StartOfDay(zone, DateOnly.FromDateTime(LocalTime.ToLocal(zone, now)).AddDays(1));
        var employees = problem.Employees.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var absences = request.Absences.Select((a, i) => employees.Contains(a.EmployeeId)
            ? new Absence(a.EmployeeId, a.Start?.ToDateTimeOffset() ?? now, a.End?.ToDateTimeOffset() ?? endOfDay)
            : throw new ValidationException($"absences[{i}].employee_id", $"'{a.EmployeeId}' is not scheduled in this schedule")).ToList();
        var replanned = new IntradayReplanner().Replan(problem, latest.Result.Schedule, new ReplanRequest(now, absences, Reforecast(problem, grid, request)));

        var evaluation = new ScheduleEvaluator(CompiledProblem.Compile(problem)).Evaluate(replanned.Schedule);
        var objective = evaluation.Parts.Total;
        var bound = Math.Min(latest.Result.LowerBound, objective);
        var result = latest.Result with
        {
            Schedule = replanned.Schedule,
            Objective = evaluation.Parts,
            LowerBound = bound,
            Gap = objective <= 1e-9 ? 0 : Math.Max(0, (objective - bound) / objective),
            Coverage = evaluation.Coverage,
            Deadlines = evaluation.Deadlines,
        };
        var violations = new ScheduleChecker().Check(problem, replanned.Schedule).Select(v => $"{v.EmployeeId}\t{v.Rule}\t{v.Detail}").ToList();
        var next = latest with { Version = latest.Version + 1, Result = result, Violations = violations, PublishedAt = null };
        return new IntradayReplan(next, [.. replanned.Changes.Select(Change)], replanned.MissingAgentHoursBefore, replanned.MissingAgentHoursAfter);
    }

    /// <summary>The plan's required agents with the re-forecast values laid over the intervals they name.</summary>
    private static Dictionary<string, IReadOnlyList<double>>? Reforecast(
        BackOfficeCloud.Planning.Scheduling.Model.ScheduleProblem problem, IReadOnlyList<PlanningInterval> grid, ApiRequest request)
    {
        if (request.Reforecast.Count == 0)
        {
            return null;
        }

        var required = problem.Queues.ToDictionary(q => q.Skill, q => q.RequiredAgents.ToArray(), StringComparer.Ordinal);
        var index = grid.Select((interval, t) => (interval.StartUtc, t)).ToDictionary(x => x.StartUtc, x => x.t);
        foreach (var (value, i) in request.Reforecast.Select((v, i) => (v, i)))
        {
            if (!required.TryGetValue(value.Queue, out var agents))
            {
                throw new ValidationException($"reforecast[{i}].queue", $"'{value.Queue}' is not a queue of this schedule");
            }

            if (value.Start is null || !index.TryGetValue(value.Start.ToDateTimeOffset(), out var t))
            {
                throw new ValidationException($"reforecast[{i}].start", $"{value.Start?.ToDateTimeOffset():O} is not an interval start of this schedule");
            }

            agents[t] = value.RequiredAgents >= 0 ? value.RequiredAgents : throw new ValidationException($"reforecast[{i}].required_agents", $"{value.RequiredAgents} must not be negative");
        }

        return required.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<double>)kv.Value, StringComparer.Ordinal);
    }

    private static ApiChange Change(ScheduleChange c) => new()
    {
        EmployeeId = c.EmployeeId,
        Kind = c.Kind switch
        {
            ChangeKind.Absent => "absent",
            ChangeKind.BreakMoved => "break_moved",
            ChangeKind.BackOfficeToPhone => "back_office_to_phone",
            ChangeKind.Overtime => "overtime",
            _ => "voluntary_time_off",
        },
        Start = Timestamp.FromDateTimeOffset(c.Start),
        End = Timestamp.FromDateTimeOffset(c.End),
        Detail = c.Detail,
    };
}
