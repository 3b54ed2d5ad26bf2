using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;
using BackOfficeCloud.Planning.Forecasting.SpecialDays;

namespace BackOfficeCloud.Planning.Forecasting.Tests;

public class ForecasterTests
{
    private static readonly DateOnly Monday = new(2025, 1, 6);

    private static IntervalSeries Office(int weeks) => TestSeries.Build(Monday, weeks * 7, 30, TestSeries.OfficePattern);

    [Fact]
    public void Noise_free_pattern_is_forecast_exactly_with_zero_when_closed()
    {
        var history = Office(12);
        var targets = ForecastHorizon.After(history, 7 * 48);

        var result = new Forecaster().Forecast(new ForecastRequest(history, targets));

        Assert.Equal(ForecastStatus.Ok, result.Status);
        Assert.Equal(targets.Count, result.Values.Count);
        foreach (var v in result.Values)
        {
            Assert.Equal(TestSeries.OfficePattern(v.Interval) ?? 0, v.Forecast, 6);
        }

        Assert.Equal(new TimeRange(new TimeOnly(8, 0), new TimeOnly(18, 0)), result.OpenHours.RangesOn(Monday).Single());
    }

    [Fact]
    public void Auto_scores_every_method_and_picks_one_of_them()
    {
        var history = Office(12);

        var result = new Forecaster().Forecast(new ForecastRequest(history, ForecastHorizon.After(history, 48)));

        Assert.Equal(ForecastMethods.Singles.Count + 1, result.Backtest.Count);
        Assert.Contains(result.Method, ForecastMethods.Singles.Append(ForecastMethods.Combination));
        Assert.All(result.Backtest, s => Assert.Equal(3, s.Folds));
        Assert.Equal(0, result.Backtest.Single(s => s.Method == "seasonal_naive").Wape, 10);
        Assert.Equal(result.Method == ForecastMethods.Combination ? 3 : 1, result.Members.Count);
    }

    [Fact]
    public void A_past_outage_is_left_out_of_training_and_reported()
    {
        // The last Wednesday had a tenth of its usual volume: seasonal naive skips it for the Wednesday before.
        var outage = Monday.AddDays(79);
        var history = TestSeries.Build(Monday, 84, 30, i => TestSeries.OfficePattern(i) * (i.LocalDate == outage ? 0.1 : 1));
        var targets = IntervalGrid.Build(TestSeries.Amsterdam, Monday.AddDays(84), 7, 30);

        var result = new Forecaster().Forecast(new ForecastRequest(history, targets, "seasonal_naive"));

        Assert.Equal([outage], result.UnusualDays);
        var wednesday = result.Values.Single(v => v.Interval.LocalDate == outage.AddDays(7) && v.Interval.LocalStart.Hour == 10 && v.Interval.LocalStart.Minute == 0);
        Assert.Equal(TestSeries.OfficePattern(wednesday.Interval)!.Value, wednesday.Forecast, 6);
    }

    [Fact]
    public void Closed_dates_forecast_zero_and_entered_events_multiply()
    {
        var history = Office(12);
        var holiday = Monday.AddDays(84);
        var targets = IntervalGrid.Build(TestSeries.Amsterdam, holiday, 7, 30);
        var campaign = new KnownEvent("campaign", holiday.AddDays(1), 2, [1.5, 1.2]);

        var result = new Forecaster().Forecast(new ForecastRequest(
            history, targets, "seasonal_naive", SpecialDays: new SpecialDayCalendar([holiday], [campaign])));

        double At(DateOnly date, int hour) => result.Values.Single(v => v.Interval.LocalDate == date && v.Interval.LocalStart.Hour == hour && v.Interval.LocalStart.Minute == 0).Forecast;
        Assert.Equal(0, At(holiday, 10));
        var tuesday = history.Points.First(p => p.Interval.Weekday == DayOfWeek.Tuesday && p.Interval.LocalStart.Hour == 10).Value;
        Assert.Equal(1.5 * tuesday, At(holiday.AddDays(1), 10), 6);
    }

    [Fact]
    public void Event_effect_is_estimated_from_past_events_of_the_same_type()
    {
        // Billing runs on two past Wednesdays doubled the volume; the next one is forecast at about twice normal.
        var pastRuns = new[] { Monday.AddDays(30), Monday.AddDays(58) };
        var history = TestSeries.Build(Monday, 84, 30, i => TestSeries.OfficePattern(i) * (pastRuns.Contains(i.LocalDate) ? 2 : 1));
        var targets = ForecastHorizon.After(history, 7 * 48);
        var nextRun = Monday.AddDays(86);
        var events = pastRuns.Append(nextRun).Select(d => new KnownEvent("billing", d, 1)).ToList();

        var result = new Forecaster().Forecast(new ForecastRequest(history, targets, SpecialDays: new SpecialDayCalendar([], events)));

        var run = result.Values.Where(v => v.Interval.LocalDate == nextRun).Sum(v => v.Forecast);
        var weekBefore = history.Points.Where(p => p.Interval.LocalDate == nextRun.AddDays(-7)).Sum(p => p.Value);
        Assert.Equal(2.0, run / weekBefore, 2);
    }

    [Fact]
    public void Todays_actuals_rescale_the_rest_of_today()
    {
        // The history runs to 12:00 on the target day at 1.5× the usual volume: the afternoon is raised, by less than 1.5.
        var lastDay = Monday.AddDays(84);
        var history = TestSeries.Build(Monday, 85, 30, i =>
            i.LocalDate == lastDay ? (i.LocalStart.Hour < 12 ? 1.5 * TestSeries.OfficePattern(i) : null) : TestSeries.OfficePattern(i));
        var targets = ForecastHorizon.After(history, 12);

        var result = new Forecaster().Forecast(new ForecastRequest(history, targets, "seasonal_mean"));

        Assert.InRange(result.IntradayFactor, 1.2, 1.5);
        var first = result.Values[0];
        Assert.Equal(new DateTime(2025, 3, 31, 12, 0, 0), first.Interval.LocalStart);
        Assert.Equal(TestSeries.OfficePattern(first.Interval)!.Value * result.IntradayFactor, first.Forecast, 6);
    }

    [Fact]
    public void Forecast_from_closing_time_trains_on_the_day_that_just_closed()
    {
        // The last Friday is twice as busy; the horizon starts at 18:00 that Friday, when the office has closed.
        var lastFriday = Monday.AddDays(81);
        var history = TestSeries.Build(Monday, 82, 30, i => TestSeries.OfficePattern(i) * (i.LocalDate == lastFriday ? 2 : 1));
        var targets = ForecastHorizon.After(history, 8 * 48);

        var result = new Forecaster().Forecast(new ForecastRequest(history, targets, "seasonal_naive"));

        Assert.Equal(new DateTime(2025, 3, 28, 18, 0, 0), targets[0].LocalStart);
        Assert.Equal(1, result.IntradayFactor);
        var nextFriday = result.Values.Single(v => v.Interval.LocalDate == lastFriday.AddDays(7) && v.Interval.LocalStart.Hour == 10 && v.Interval.LocalStart.Minute == 0);
        Assert.Equal(2 * TestSeries.OfficePattern(nextFriday.Interval)!.Value, nextFriday.Forecast, 6);
    }

    [Fact]
    public void Forecast_over_a_fall_back_night_covers_the_repeated_hour()
    {
        var first = new DateOnly(2025, 8, 4);
        var history = TestSeries.Build(first, 83, 60, _ => 10);
        var targets = ForecastHorizon.After(history, 25);

        var result = new Forecaster().Forecast(new ForecastRequest(history, targets));

        Assert.Equal(new DateOnly(2025, 10, 26), targets[0].LocalDate);
        Assert.Equal(25, result.Values.Count);
        Assert.All(result.Values, v => Assert.Equal(10, v.Forecast, 6));
    }

    [Fact]
    public void Short_history_is_rejected_naming_what_is_missing()
    {
        var history = TestSeries.Build(Monday, 3, 30, TestSeries.OfficePattern);

        var error = Assert.Throws<ArgumentException>(() => new Forecaster().Forecast(new ForecastRequest(history, ForecastHorizon.After(history, 4))));

        Assert.Contains("at least 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_on_another_grid_is_rejected_naming_it()
    {
        var history = Office(4);
        var quarterPast = IntervalGrid.Build(TestSeries.Amsterdam, Monday.AddDays(28), 1, 15)[37];

        var error = Assert.Throws<ArgumentException>(() => new Forecaster().Forecast(new ForecastRequest(history, [quarterPast])));

        Assert.Contains("Targets[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_method_is_rejected_naming_the_field()
    {
        var history = Office(4);

        var error = Assert.Throws<ArgumentException>(() => new Forecaster().Forecast(new ForecastRequest(history, ForecastHorizon.After(history, 4), "arima")));

        Assert.Contains("Method is 'arima'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_weeks_of_history_forecast_without_a_backtest()
    {
        var history = Office(2);

        var result = new Forecaster().Forecast(new ForecastRequest(history, ForecastHorizon.After(history, 48)));

        Assert.Equal(ForecastStatus.InsufficientHistory, result.Status);
        Assert.Equal("seasonal_mean", result.Method);
    }
}
