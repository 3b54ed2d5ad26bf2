using BackOfficeCloud.Planning.Staffing.Deferrable;
using BackOfficeCloud.Planning.Staffing.Planning;
using BackOfficeCloud.Planning.Staffing.Queueing;
using BackOfficeCloud.Planning.Staffing.Shrinkage;
using static BackOfficeCloud.Planning.Staffing.Tests.Planning.PlanBuilder;

namespace BackOfficeCloud.Planning.Staffing.Tests.Planning;

public class RequirementsPlannerTests
{
    [Fact]
    public void Backlog_fills_blended_hours_and_the_silo_pays_a_flat_team()
    {
        // 60 claims of 10 minutes = 10 agent-hours, due Monday 17:00 (own due time); 20 calls/hour at AHT 180 s.
        var horizon = Horizon();
        var claims = Claims(horizon, new BacklogItem("batch", At(8, day: -1), At(17), 60));

        var result = Plan(Request(horizon, [Voice(horizon, 20)], [claims]));

        var voiceAgentsPerHour = ErlangC.RequiredAgents(1, 180, new StaffingTarget(0.8, 20)).Agents;
        Assert.Equal(PlanStatus.Optimal, result.Status);
        Assert.Equal((8 * voiceAgentsPerHour) + 10, result.Blended.PaidHours, 6);
        Assert.Equal(result.Blended.PaidHours, result.Blended.LpBoundHours, 6);
        Assert.Equal(0, result.Blended.Gap, 9);
        Assert.Equal(600, result.Intervals.Sum(i => i.DeferrableMinutes), 6);
        Assert.Empty(result.Shortfalls);

        // Silo: ceil(600 / 480) = 2 heads through the 8 office hours.
        Assert.Equal(2, result.Silo.BackOfficeHeads);
        Assert.Equal(16, result.Silo.BackOfficePaidHours, 9);
        Assert.Equal(8 * voiceAgentsPerHour, result.Silo.ImmediatePaidHours, 9);
        Assert.Equal(6, result.SavingHours, 6);
    }

    [Fact]
    public void Idle_time_of_immediate_agents_absorbs_deferrable_work_where_policy_allows()
    {
        var horizon = Horizon();
        var claims = Claims(horizon, new BacklogItem("batch", At(8, day: -1), At(17), 60));
        var voice = Voice(horizon, 20);
        var idlePerHour = ErlangC.RequiredAgents(1, 180, new StaffingTarget(0.8, 20)) is var m ? m.Agents * (1 - m.Occupancy) * 60 : 0;

        var none = Plan(Request(horizon, [voice], [claims], idleShare: 0));
        var half = Plan(Request(horizon, [voice], [claims], idleShare: 0.5));

        var absorbedHours = Math.Min(600, 0.5 * idlePerHour * 8) / 60;
        Assert.Equal(none.Blended.LpBoundHours - absorbedHours, half.Blended.LpBoundHours, 6);
    }

    [Fact]
    public void Work_is_done_before_its_deadline_and_not_before_it_arrives()
    {
        // Due at 12:00: only the 09, 10 and 11 o'clock intervals end by then.
        var horizon = Horizon();
        var claims = Claims(horizon, new BacklogItem("urgent", At(8, day: -1), At(12), 18));

        var result = Plan(Request(horizon, [], [claims]));

        var planned = result.Intervals.Select(i => i.WorkTypes[0].PlannedMinutes).ToArray();
        Assert.Equal(180, planned[9] + planned[10] + planned[11], 6);
        Assert.All(planned.Where((_, t) => t < 9 || t >= 12), m => Assert.Equal(0, m, 9));
        Assert.Empty(result.Shortfalls);
    }

    [Fact]
    public void Forecast_arrivals_wait_for_the_next_interval()
    {
        var horizon = Horizon();
        var arrivals = new double[24];
        arrivals[10] = 6; // 6 claims during 10:00–11:00: workable from 11:00, due 2 business hours later at 13:00
        var claims = Claims(horizon) with { Arrivals = arrivals, Sla = TimeSpan.FromHours(2) };

        var result = Plan(Request(horizon, [], [claims]));

        var planned = result.Intervals.Select(i => i.WorkTypes[0].PlannedMinutes).ToArray();
        Assert.Equal(0, planned.Take(11).Sum(), 9);
        Assert.Equal(60, planned[11] + planned[12], 6);
        Assert.Empty(result.Shortfalls);
    }

    [Fact]
    public void A_capped_plan_names_the_late_items_and_by_how_much()
    {
        // 2 people at most; 30 claims (300 minutes) due 11:00 leave 09:00 and 10:00 = 240 minutes: 60 late.
        var horizon = Horizon();
        var claims = Claims(horizon, new BacklogItem("early", At(8, day: -1), At(11), 30), new BacklogItem("later", At(8, day: -1), At(16), 6));
        var cap = Enumerable.Repeat(2.0, 24).ToArray();

        var result = Plan(Request(horizon, [], [claims], cap: cap));

        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal("early", shortfall.Item);
        Assert.Equal(60, shortfall.LateWorkMinutes, 6);
        Assert.Equal(6, shortfall.LateItems, 6);
        Assert.Equal(At(12), shortfall.Completed);
        Assert.True(result.Blended.OverduePenalty > 0);
    }

    [Fact]
    public void Shrinkage_turns_productive_agents_into_more_scheduled_heads()
    {
        var horizon = Horizon();
        var request = Request(horizon, [Voice(horizon, 20)], []) with
        {
            Shrinkage = new ShrinkageProfile([new("breaks", 0.1, true), new("training", 0.1, true), new("absence", 0.2, false)]),
        };

        var result = Plan(request);

        var productive = result.Intervals[10].ProductiveAgents;
        Assert.Equal((int)Math.Ceiling(productive / (0.8 * 0.8)), result.Intervals[10].ScheduledHeads);
    }

    [Fact]
    public void A_deadline_already_past_is_refused_by_item()
    {
        var horizon = Horizon();
        var claims = Claims(horizon, new BacklogItem("C-17", At(8, day: -3), At(8, day: -1)));

        var error = Assert.Throws<ArgumentException>(() => Plan(Request(horizon, [], [claims])));

        Assert.Contains("'C-17'", error.Message, StringComparison.Ordinal);
        Assert.Contains("already past", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Daylight_saving_day_plans_its_23_hours()
    {
        var horizon = new PlanningHorizon(Amsterdam, new DateOnly(2026, 3, 29), 1, 15);
        var intervals = horizon.Intervals();
        var voice = new ImmediateQueue("voice", QueueModelKind.ErlangC, new StaffingTarget(0.8, 20), [.. intervals.Select(_ => new IntervalForecast(10, 180))]);
        var request = Request(horizon, [voice], []) with { Now = intervals[0].StartUtc };

        var result = Plan(request);

        Assert.Equal(92, result.Intervals.Count);
        Assert.Equal(23 * ErlangC.RequiredAgents(10 * 180 / 900.0, 180, new StaffingTarget(0.8, 20)).Agents, result.Blended.PaidHours, 6);
    }
}
