using BackOfficeCloud.Planning.Blending.Model;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Planning.Simulation.Scenario;
using BackOfficeCloud.ServiceDefaults.Validation;

namespace BackOfficeCloud.Scheduling.Simulation;

/// <summary>
/// The schedule's employees as simulated agents, one group each: their skills and proficiencies from the schedule's problem,
/// their phone and back-office segments as blocks of elapsed days (breaks and fixed activities are time off the
/// floor). What-if absentees are drawn with the request's seed among the employees who have shifts.
/// </summary>
public static class AgentScenarios
{
    public static (IReadOnlyList<AgentGroup> Agents, int Absent) Build(ElapsedGrid grid, IReadOnlyList<Employee> employees, Schedule schedule, SimulationRequest request)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(employees);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(request);
        var shifts = schedule.Shifts.GroupBy(s => s.EmployeeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var working = employees.Where(e => shifts.ContainsKey(e.Id)).ToList();
        var absent = Absent(working, request);
        var agents = working
            .Where(e => !absent.Contains(e.Id))
            .Select(e => new AgentGroup(e.Id, 1, [.. e.Skills.Select(s => new GroupSkill(s.Skill, s.Proficiency))], [.. shifts[e.Id].SelectMany(s => Blocks(grid, s))]))
            .ToList();
        return (agents, absent.Count);
    }

    private static HashSet<string> Absent(IReadOnlyList<Employee> working, SimulationRequest request)
    {
        var count = request.Absentees + (int)Math.Round(request.AbsentShare * working.Count);
        if (count > working.Count)
        {
            throw new ValidationException("absentees", $"{count} absent employees, but the schedule has only {working.Count} with shifts");
        }

        var order = working.Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();
        new Random(request.Seed).Shuffle(order);
        return order.Take(count).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A shift's working segments, cut at the simulated days' midnights.</summary>
    private static IEnumerable<ShiftBlock> Blocks(ElapsedGrid grid, ScheduledShift shift)
    {
        foreach (var segment in shift.Activities)
        {
            var activity = segment.Kind switch
            {
                ActivityKind.Phone => ScheduledActivity.Phone,
                ActivityKind.BackOffice => ScheduledActivity.BackOffice,
                _ => ScheduledActivity.Unavailable,
            };
            var from = Math.Max(0, grid.MinuteOf(segment.Start));
            var to = Math.Min(grid.Days * 1440, grid.MinuteOf(segment.End));
            while (activity != ScheduledActivity.Unavailable && from < to)
            {
                var day = from / 1440;
                var end = Math.Min(to, (day + 1) * 1440);
                yield return new ShiftBlock(from - (day * 1440), end - (day * 1440), activity, [day]);
                from = end;
            }
        }
    }
}
