using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Planning.Blending.Model;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Planning.Simulation.Scenario;
using BackOfficeCloud.Scheduling.Planning;
using BackOfficeCloud.Scheduling.Simulation;
using BackOfficeCloud.Scheduling.Storage;
using BackOfficeCloud.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ActivitySegment = BackOfficeCloud.Planning.Scheduling.Model.ActivitySegment;
using SkillLevel = BackOfficeCloud.Planning.Scheduling.Model.SkillLevel;

namespace BackOfficeCloud.Scheduling.Tests.Simulation;

/// <summary>How a schedule and the service's inputs become a simulation scenario (no database needed).</summary>
public class ScheduleScenarioTests
{
    /// <summary>A Monday in winter: midnight local is 23:00 UTC the day before.</summary>
    private static readonly ElapsedGrid Week = ElapsedGrid.Of(new Horizon("Europe/Amsterdam", new DateOnly(2026, 11, 30), 7, 15));

    private static DateTimeOffset Local(int day, int hour, int minute = 0) =>
        new(new DateTime(2026, 11, 30).AddDays(day).AddHours(hour).AddMinutes(minute), TimeSpan.FromHours(1));

    [Fact]
    public void A_daylight_saving_day_of_25_hours_is_100_quarter_hours_on_two_elapsed_days()
    {
        var fallBack = ElapsedGrid.Of(new Horizon("Europe/Amsterdam", new DateOnly(2026, 10, 25), 1, 15));

        Assert.Equal(100, fallBack.PeriodIntervals);
        Assert.Equal(2, fallBack.Days);
        Assert.Equal(192, fallBack.SimulatedIntervals);
        Assert.Equal(TimeSpan.FromHours(25), fallBack.End - fallBack.Start);
    }

    [Fact]
    public void A_night_shift_is_cut_at_midnight_and_its_break_is_off_the_floor()
    {
        var shift = new ScheduledShift("E1", Local(0, 22), Local(1, 2),
        [
            new ActivitySegment(Local(0, 22), Local(0, 23), ActivityKind.Phone, ""),
            new ActivitySegment(Local(0, 23), Local(0, 23, 30), ActivityKind.Break, "lunch"),
            new ActivitySegment(Local(0, 23, 30), Local(1, 1), ActivityKind.Phone, ""),
            new ActivitySegment(Local(1, 1), Local(1, 2), ActivityKind.BackOffice, "claims"),
        ]);

        var (agents, absent) = AgentScenarios.Build(Week, [Employee("E1"), Employee("E2")], new Schedule([shift]), Request());

        Assert.Equal(0, absent);
        var agent = Assert.Single(agents);
        Assert.Equal("E1", agent.Name);
        Assert.Equal(
            [(1320, 1380, ScheduledActivity.Phone, 0), (1410, 1440, ScheduledActivity.Phone, 0), (0, 60, ScheduledActivity.Phone, 1), (60, 120, ScheduledActivity.BackOffice, 1)],
            agent.Shifts.Select(b => (b.StartMinute, b.EndMinute, b.Activity, Assert.Single(b.Days!))));
        Assert.Equal([new GroupSkill("voice", 0.9)], agent.Skills);
    }

    [Fact]
    public void Absentees_are_drawn_with_the_seed_among_employees_with_shifts_and_cannot_exceed_them()
    {
        var employees = Enumerable.Range(1, 8).Select(i => Employee($"E{i}")).ToList();
        var schedule = new Schedule([.. employees.Take(6).Select(e => new ScheduledShift(e.Id, Local(0, 8), Local(0, 9), [new ActivitySegment(Local(0, 8), Local(0, 9), ActivityKind.Phone, "")]))]);

        var (agents, absent) = AgentScenarios.Build(Week, employees, schedule, Request(absentees: 1, absentShare: 0.5));
        var (again, _) = AgentScenarios.Build(Week, employees, schedule, Request(absentees: 1, absentShare: 0.5));

        Assert.Equal(4, absent);
        Assert.Equal(2, agents.Count);
        Assert.Equal(agents.Select(a => a.Name), again.Select(a => a.Name));
        var error = Assert.Throws<ValidationException>(() => AgentScenarios.Build(Week, employees, schedule, Request(absentees: 7)));
        Assert.Contains("absentees", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_volumes_land_on_the_grid_times_the_multiplier_with_the_weighted_handle_time()
    {
        var forecast = Forecast("voice", 30, (Local(0, 8), 10, 200), (Local(0, 8, 30), 30, 400));

        var queue = Assert.Single(ImmediateQueueScenarios.Build(
            Week, [Staffed("voice")], new Dictionary<string, RosterQueueUpdated> { ["voice"] = new() { Queue = "voice", TargetServiceLevel = 0.9, TargetSeconds = 30, Concurrency = 2 } },
            new Dictionary<string, ForecastPublished> { ["voice"] = forecast }, Request(multipliers: new() { ["voice"] = 1.5 })));

        var perInterval = queue.Arrivals.PerInterval!;
        Assert.Equal(7 * 96, perInterval.Count);
        Assert.Equal([7.5, 7.5, 22.5, 22.5], perInterval.Skip(32).Take(4));
        Assert.Equal(60, perInterval.Sum(), 9);
        Assert.Equal(((10 * 200) + (30 * 400)) / 40.0 / 2, queue.HandleTime.MeanSeconds, 9);
        Assert.Equal((0.9, 30.0), (queue.ServiceLevelTarget, queue.ThresholdSeconds));
        Assert.Null(queue.Patience);
    }

    [Fact]
    public void A_staffed_queue_without_forecast_volume_in_the_period_is_refused_not_simulated_without_contacts()
    {
        var lastWeek = Forecast("voice", 15, (Local(-7, 9), 10, 300));
        var forecasts = new Dictionary<string, ForecastPublished> { ["voice"] = lastWeek };
        var roster = new Dictionary<string, RosterQueueUpdated>();

        var refused = Assert.Throws<RpcException>(() => ImmediateQueueScenarios.Build(Week, [Staffed("voice")], roster, forecasts, Request()));
        var closed = ImmediateQueueScenarios.Build(Week, [new ImmediateQueue("voice", 80, new double[7 * 96])], roster, forecasts, Request());

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("'voice'", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, Assert.Single(closed).Arrivals.PerInterval!.Sum());
    }

    [Fact]
    public void Backlog_items_are_grouped_by_deadline_in_hours_and_overdue_ones_are_late_at_once()
    {
        var start = Week.Start;
        var inputs = new PlanningInputs(
            PlanningSettingsDefaults.Complete(null, "Europe/Amsterdam"),
            new Dictionary<string, RosterQueueUpdated>(),
            new Dictionary<string, ForecastPublished>(),
            [
                new OpenWorkItem("a", "claims", "claims", start.AddDays(-1), start.AddHours(12.5), 15),
                new OpenWorkItem("b", "claims", "claims", start.AddDays(-1), start.AddHours(12.9), 30),
                new OpenWorkItem("c", "claims", "claims", start.AddDays(-2), start.AddHours(-3), 10),
                new OpenWorkItem("d", "claims", "claims", start.AddHours(30), start.AddHours(40), 20),
            ]);

        var types = BackOfficeScenarios.Build(Week, ["claims"], inputs, "Europe/Amsterdam");

        Assert.Equal([1.0 / 3600, 10, 12], types.Select(t => t.DeadlineHours));
        Assert.Equal([0.0, 0.0], types[2].Arrivals.ReplaySeconds!);
        Assert.Equal([15 * 60.0, 30 * 60.0], types[2].Effort.SamplesSeconds!);
        Assert.Equal([30 * 3600.0], types[1].Arrivals.ReplaySeconds!);
        Assert.All(types, t => Assert.Equal("claims", t.Skill));
    }

    [Fact]
    public void Forecast_items_are_due_their_SLA_in_business_hours_after_their_interval()
    {
        var inputs = new PlanningInputs(
            PlanningSettingsDefaults.Complete(null, "Europe/Amsterdam"),
            new Dictionary<string, RosterQueueUpdated> { ["claims"] = new() { Queue = "claims", Deferrable = true, DeadlineBusinessHours = 4 } },
            new Dictionary<string, ForecastPublished> { ["claims"] = Forecast("claims", 15, (Local(0, 9), 4, 600), (Local(0, 16, 45), 2, 600)) },
            []);

        var types = BackOfficeScenarios.Build(Week, ["claims"], inputs, "Europe/Amsterdam");

        // 09:15 + 4 business hours = 13:15 (4 h); 17:00 + 4 business hours (08:00-18:00) = Tuesday 11:00 (18 h)
        Assert.Equal([4.0, 18], types.Select(t => t.DeadlineHours));
        Assert.Equal(4, types[0].Arrivals.PerInterval![36]);
        Assert.Equal(2, types[1].Arrivals.PerInterval![67]);
        Assert.Equal(600, types[0].Effort.MeanSeconds);
    }

    /// <summary>A queue the schedule staffs (one agent every interval of the week).</summary>
    private static ImmediateQueue Staffed(string queue) => new(queue, 80, [.. Enumerable.Repeat(1.0, 7 * 96)]);

    private static Employee Employee(string id) => new(
        id, "team", [new SkillLevel("voice", 0.9)], new Contract(0, 2400, 5, 5, 660, 240, 540, new TimeOnly(6, 0), new TimeOnly(14, 0), 20), [], Preferences.None, []);

    private static SimulationRequest Request(int absentees = 0, double absentShare = 0, Dictionary<string, double>? multipliers = null) =>
        new(Guid.NewGuid(), 0, "threshold", 1, 3, multipliers ?? new Dictionary<string, double>(), absentees, absentShare, 0, 0.05);

    private static ForecastPublished Forecast(string queue, int intervalMinutes, params (DateTimeOffset Start, double Volume, double HandleSeconds)[] intervals) => new()
    {
        Queue = queue,
        IntervalMinutes = intervalMinutes,
        Intervals = { intervals.Select(i => new ForecastInterval { Start = Timestamp.FromDateTimeOffset(i.Start), Volume = i.Volume, HandleSeconds = i.HandleSeconds }) },
    };
}
