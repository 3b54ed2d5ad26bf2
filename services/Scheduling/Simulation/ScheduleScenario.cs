using BackOfficeCloud.Planning.Simulation.Scenario;
using BackOfficeCloud.Scheduling.Planning;
using BackOfficeCloud.Scheduling.Storage;

namespace BackOfficeCloud.Scheduling.Simulation;

/// <summary>A stored schedule version laid out as a simulation scenario, with the what-if changes applied.</summary>
public sealed record ScheduleScenario(ElapsedGrid Grid, SimulationScenario Scenario, int AbsentEmployees)
{
    /// <summary>
    /// The schedule's queues and work types with what the service knows of them now: the latest forecasts, the
    /// roster's targets, the open backlog and the tenant's back-office hours.
    /// </summary>
    public static ScheduleScenario Build(StoredSchedule schedule, PlanningInputs inputs, SimulationRequest request)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(request);
        var problem = schedule.Problem;
        var grid = ElapsedGrid.Of(problem.Horizon);
        var queues = problem.Queues.Select(q => q.Skill).ToList();
        var unknown = request.ArrivalMultipliers.Keys.Where(q => !queues.Contains(q)).ToList();
        if (unknown.Count > 0)
        {
            throw new ServiceDefaults.Validation.ValidationException(
                "arrival_multipliers.queue", $"'{unknown[0]}' is not an immediate queue of this schedule ({string.Join(", ", queues)})");
        }

        var (agents, absent) = AgentScenarios.Build(grid, problem.Employees, schedule.Result.Schedule, request);
        var scenario = new SimulationScenario(
            grid.Start,
            grid.Days,
            grid.IntervalMinutes,
            ImmediateQueueScenarios.Build(grid, problem.Queues, inputs.Queues, inputs.Forecasts, request),
            BackOfficeScenarios.Build(grid, problem.WorkTypes.Select(w => w.Id), inputs, problem.Horizon.TimeZone),
            agents);
        return new ScheduleScenario(grid, scenario, absent);
    }
}
