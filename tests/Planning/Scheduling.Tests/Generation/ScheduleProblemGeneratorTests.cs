using System.Text.Json;
using BackOfficeCloud.Planning.Scheduling.Generation;
using BackOfficeCloud.Planning.Scheduling.Model;

namespace BackOfficeCloud.Planning.Scheduling.Tests.Generation;

public class ScheduleProblemGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_instance_and_it_round_trips_through_json()
    {
        var settings = new GeneratorSettings(Employees: 40, Days: 7, IntervalMinutes: 15, Skills: 4, Seed: 11);
        var json = JsonSerializer.Serialize(ScheduleProblemGenerator.Generate(settings), SchedulingJson.Options);

        var again = JsonSerializer.Serialize(ScheduleProblemGenerator.Generate(settings), SchedulingJson.Options);
        var parsed = JsonSerializer.Deserialize<ScheduleProblem>(json, SchedulingJson.Options)!;

        Assert.Equal(json, again);
        Assert.Equal(json, JsonSerializer.Serialize(parsed, SchedulingJson.Options));
    }

    [Fact]
    public void The_instance_has_queues_back_office_work_and_mixed_staff()
    {
        var problem = ScheduleProblemGenerator.Generate(new GeneratorSettings(Employees: 200, Days: 7, IntervalMinutes: 15, Skills: 6, Seed: 1));

        Assert.Equal(4, problem.Queues.Count);
        Assert.Equal(2, problem.WorkTypes.Count);
        // The week of 23 March 2026 holds the spring-forward night: 7 x 96 - 4 intervals.
        Assert.All(problem.Queues, q => Assert.Equal(668, q.RequiredAgents.Count));
        Assert.Contains(problem.Employees, e => e.Skills.Count == 2 && e.Skills[1].Proficiency < 1);
        Assert.Contains(problem.Employees, e => e.Contract.MaxWeeklyPaidMinutes < 2400);
        Assert.All(problem.WorkTypes, w => Assert.All(w.Arrivals, a => Assert.True(a.DueInterval > a.Interval)));
    }
}
