using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Backlog;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Backlog;

public class ExpirationForecasterTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.Utc;
    private static readonly IReadOnlyList<PlanningInterval> Hours = IntervalGrid.Build(Zone, new DateOnly(2025, 3, 3), 3, 60);
    private static readonly DateTimeOffset Nine = Hours[9].StartUtc;

    private static ExpirationForecast Run(IReadOnlyList<OpenItems> open, IReadOnlyList<WorkInterval> intervals, DeadlineRule? rule = null) =>
        new ExpirationForecaster().Forecast(new ExpirationRequest(Zone, open, intervals, MinutesPerItem: 10, rule ?? new DeadlineRule(TimeSpan.FromDays(5))));

    [Fact]
    public void Half_of_a_batch_due_in_one_hour_misses_when_capacity_does_half()
    {
        // 12 items × 10 min due at 10:00, 60 work minutes in 09:00-10:00: 6 done, 6 miss (and are done by 11:00).
        var result = Run([new OpenItems(Nine.AddHours(1), 12)], [new(Hours[9], 0, 60), new(Hours[10], 0, 60)]);

        Assert.Equal(6, result.Missed, 9);
        Assert.Equal(new ExpirationDay(new DateOnly(2025, 3, 3), 12, 6), result.Days.Single());
        Assert.Equal(0, result.OpenAtEnd, 9);
    }

    [Fact]
    public void Earliest_deadline_first_saves_the_urgent_batch()
    {
        // Listed later-deadline first: EDF still works the 10:00 batch in the first hour, so nothing misses.
        var result = Run([new OpenItems(Nine.AddHours(2), 6), new OpenItems(Nine.AddHours(1), 6)], [new(Hours[9], 0, 60), new(Hours[10], 0, 60)]);

        Assert.Equal(0, result.Missed, 9);
    }

    [Fact]
    public void Deadline_inside_an_interval_counts_the_work_done_before_it()
    {
        // Due at 09:30 with 60 min/h: 3 items done by then, 3 of 6 miss.
        var result = Run([new OpenItems(Nine.AddMinutes(30), 6)], [new(Hours[9], 0, 60)]);

        Assert.Equal(3, result.Missed, 9);
    }

    [Fact]
    public void Arrivals_due_in_business_hours_miss_over_a_closed_night()
    {
        // 9 arrive at 16:00, due within 1 business hour (open 09-17): due 17:00; 30 min/h of capacity → 3 done, 6 miss.
        var rule = new DeadlineRule(TimeSpan.FromHours(1), OpenHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0), DayOfWeek.Monday, DayOfWeek.Tuesday));
        var result = Run([], [new(Hours[16], 9, 30), new(Hours[17], 0, 0)], rule);

        Assert.Equal(6, result.Missed, 9);
        Assert.Equal(6, result.OpenAtEnd, 9);
    }
}
