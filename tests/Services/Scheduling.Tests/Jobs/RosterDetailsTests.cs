using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Scheduling.Tests.Support;
using BackOfficeCloud.TestKit;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Scheduling.Tests.Jobs;

/// <summary>
/// Employees come from the roster with their own contract, availability, time off and preferences, and planned
/// activities are placed for their attendees (on the <see cref="PlanningScenario"/> Monday).
/// </summary>
[Collection(SchedulingCollection.Name)]
public sealed class RosterDetailsTests(SchedulingServiceFixture service)
{
    private readonly PlanningScenario _scenario = new();

    [Fact]
    public async Task An_agent_gets_no_shift_in_their_time_off_or_outside_their_availability()
    {
        var schedule = await ScheduleAsync(
            tenant =>
            [
                Agent(tenant, "E03", a => a.TimeOff.Add(Off(_scenario.At(0), _scenario.At(0, day: 1)))),
                Agent(tenant, "E04", a => a.TimeOff.Add(Off(_scenario.At(12), _scenario.At(0, day: 1)))),
                Agent(tenant, "E05", a => a.Availability.Add(new WeeklyRange { DayOfWeek = 1, From = "10:00", To = "24:00" })),
            ]);

        Assert.DoesNotContain(schedule.Shifts, s => s.EmployeeId == "E03");
        Assert.All(ShiftsOf(schedule, "E04"), s => Assert.True(s.End.ToDateTimeOffset() <= _scenario.At(12), $"E04 works until {s.End}"));
        Assert.All(ShiftsOf(schedule, "E05"), s => Assert.True(s.Start.ToDateTimeOffset() >= _scenario.At(10), $"E05 starts at {s.Start}"));
        Assert.NotEmpty(ShiftsOf(schedule, "E04"));
        Assert.Empty(schedule.Violations);
    }

    [Fact]
    public async Task A_preferred_day_off_is_respected_when_coverage_allows()
    {
        // Monday and Tuesday: the four claims agents each work exactly one day (their contract); two prefer Mondays off,
        // two Tuesdays, so only the preferences decide who works which day
        var schedule = await ScheduleAsync(
            tenant =>
            [
                .. new[] { ("E09", "monday"), ("E10", "tuesday"), ("E11", "monday"), ("E12", "tuesday") }.Select(p =>
                    Agent(tenant, p.Item1, a => (a.ContractTerms, a.Preferences) = (OneDayInTwo(), new AgentPreferences { DaysOff = { p.Item2 } }))),
            ],
            days: 2);

        foreach (var (agent, dayOff) in new[] { ("E09", 0), ("E10", 1), ("E11", 0), ("E12", 1) })
        {
            var days = ShiftsOf(schedule, agent).Select(s => s.Start.ToDateTimeOffset() < _scenario.At(0, day: 1) ? 0 : 1).ToList();
            Assert.DoesNotContain(dayOff, days);
            Assert.Contains(1 - dayOff, days);
        }

        Assert.Equal(0, schedule.Objective.Preferences);
    }

    [Fact]
    public async Task A_planned_training_is_a_fixed_segment_in_each_attendees_shift()
    {
        var start = _scenario.At(10);
        var schedule = await ScheduleAsync(
            _ => [],
            [
                new PlannedActivity
                {
                    ActivityId = "T-1", Name = "training", Start = Timestamp.FromDateTimeOffset(start), End = Timestamp.FromDateTimeOffset(start.AddHours(2)),
                    AgentIds = { "E01", "E10" },
                },
            ]);

        foreach (var attendee in new[] { "E01", "E10" })
        {
            var training = Assert.Single(ShiftsOf(schedule, attendee).SelectMany(s => s.Segments), a => a.Activity == "fixed");
            Assert.Equal(("training", start, start.AddHours(2)), (training.Name, training.Start.ToDateTimeOffset(), training.End.ToDateTimeOffset()));
        }

        Assert.DoesNotContain(schedule.Shifts.Where(s => s.EmployeeId is not ("E01" or "E10")).SelectMany(s => s.Segments), a => a.Activity == "fixed");
        Assert.Empty(schedule.Violations);
    }

    /// <summary>Solves the one-day scenario with the given roster changes and planned activities.</summary>
    private async Task<Schedule> ScheduleAsync(Func<string, IReadOnlyList<OutgoingEvent>> rosterChanges, PlannedActivity[]? activities = null, int days = 1)
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        await service.PublishAndApplyAsync(tenant, [.. _scenario.Events(tenant, days: days), .. rosterChanges(tenant)]);
        if (activities is not null)
        {
            await client.PutPlannedActivitiesAsync(new PutPlannedActivitiesRequest { Activities = { activities } });
        }

        var plan = await client.ComputeRequirementsAsync(_scenario.Period(days: days));
        var job = await client.CreateScheduleJobAsync(new CreateScheduleJobRequest { PlanId = plan.PlanId, TimeLimitSeconds = 20 });
        var last = (await ScheduleJobUpdates.AllAsync(client, job.JobId)).LastOrDefault() ?? job;
        Assert.True(last.State == "succeeded", last.Error);
        return await client.GetScheduleAsync(new GetScheduleRequest { ScheduleId = last.ScheduleId });
    }

    /// <summary>A second version of a scenario agent (E01-E08 voice and claims, E09-E12 claims), changed by <paramref name="change"/>.</summary>
    private static OutgoingEvent Agent(string tenant, string id, Action<RosterAgentUpdated> change)
    {
        var voice = string.CompareOrdinal(id, "E08") <= 0;
        var agent = new RosterAgentUpdated
        {
            AgentId = id,
            Name = id,
            Team = voice ? "blended" : "back-office",
            Skills = { voice ? [new AgentSkill { Skill = PlanningScenario.Voice, Proficiency = 1 }, new AgentSkill { Skill = PlanningScenario.Claims, Proficiency = 0.8 }] : [new AgentSkill { Skill = PlanningScenario.Claims, Proficiency = 1 }] },
            Contract = "full_time",
            TimeZone = PlanningScenario.TimeZone,
            Version = 2,
        };
        change(agent);
        return new OutgoingEvent(Topics.IngestionRoster, EventTypes.RosterAgentUpdated, tenant, id, agent);
    }

    /// <summary>One day a week, 28 h pro rata: a two-day plan owes 8 paid hours, one 9-hour shift less its lunch.</summary>
    private static Contract OneDayInTwo() => new() { Name = "flex", MinWeeklyHours = 28, MaxWeeklyHours = 40, MinShiftHours = 8, MaxShiftHours = 9, MaxDaysPerWeek = 1 };

    private static TimeOff Off(DateTimeOffset start, DateTimeOffset end) => new() { Start = Timestamp.FromDateTimeOffset(start), End = Timestamp.FromDateTimeOffset(end), Reason = "leave" };

    private static IEnumerable<EmployeeShift> ShiftsOf(Schedule schedule, string employee) => schedule.Shifts.Where(s => s.EmployeeId == employee);
}
