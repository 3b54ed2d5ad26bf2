using BackOfficeCloud.Planning.Staffing.Deferrable;
using static BackOfficeCloud.Planning.Staffing.Tests.Planning.PlanBuilder;

namespace BackOfficeCloud.Planning.Staffing.Tests.Deferrable;

public class WorkStreamsTests
{
    [Fact]
    public void Forecast_arrivals_are_workable_next_interval_and_due_by_business_hours()
    {
        // Monday, hourly, office 09–17: 3 claims arrive 16:00–17:00, at closing; 2 business hours later is Tuesday 11:00.
        var horizon = Horizon(days: 2);
        var intervals = horizon.Intervals();
        var arrivals = new double[48];
        arrivals[16] = 3;
        var claims = Claims(horizon) with { Arrivals = arrivals, Sla = TimeSpan.FromHours(2) };

        var arrivalStream = WorkStreams.For(claims, Amsterdam, intervals, Now)[1];

        var lot = Assert.Single(arrivalStream.Lots);
        Assert.Equal(17, lot.ReleaseIndex);
        Assert.Equal(At(11, day: 1), lot.Due);
        Assert.Equal(24 + 10, lot.DueIndex); // the 10:00–11:00 interval is the last one ending by 11:00
        Assert.Equal(30, arrivalStream.ReleasedMinutes[17]);
        Assert.Equal(30, arrivalStream.DueMinutes[34]);
    }

    [Fact]
    public void Work_due_after_the_horizon_is_due_inside_it_in_proportion_to_its_open_time_there()
    {
        // Arrived Friday 09:00 with a 48-business-hour SLA: due the next Friday 17:00; one day (Monday) is planned.
        var horizon = Horizon();
        var claims = Claims(horizon, new BacklogItem("big", At(9, day: -3), Count: 48));

        var lot = WorkStreams.For(claims, Amsterdam, horizon.Intervals(), Now)[0].Lots.Single();

        // From Monday 00:00 to the deadline lie 40 business hours, 8 of them inside the horizon.
        Assert.Equal(480, lot.Minutes);
        Assert.Equal(480 * 8 / 40.0, lot.MinutesDueInHorizon, 9);
        Assert.False(lot.DueInsideHorizon);
    }

    [Fact]
    public void Own_due_time_overrides_the_sla()
    {
        var horizon = Horizon();
        var claims = Claims(horizon, new BacklogItem("C-1", At(9, day: -3), At(14, day: 0)));

        var lot = WorkStreams.For(claims, Amsterdam, horizon.Intervals(), Now)[0].Lots.Single();

        Assert.Equal(At(14), lot.Due);
        Assert.Equal(13, lot.DueIndex);
    }

    [Fact]
    public void Negative_arrivals_are_refused_by_work_type()
    {
        var horizon = Horizon();
        var arrivals = new double[24];
        arrivals[3] = -2;
        var claims = Claims(horizon) with { Arrivals = arrivals };

        var error = Assert.Throws<ArgumentException>(() => WorkStreams.For(claims, Amsterdam, horizon.Intervals(), Now));

        Assert.Contains("'claims' arrivals -2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arrivals_without_an_sla_are_refused()
    {
        var horizon = Horizon();
        var arrivals = new double[24];
        arrivals[10] = 1;
        var claims = Claims(horizon) with { Arrivals = arrivals, Sla = null };

        var error = Assert.Throws<ArgumentException>(() => WorkStreams.For(claims, Amsterdam, horizon.Intervals(), Now));

        Assert.Contains("no SLA", error.Message, StringComparison.Ordinal);
    }
}
