using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Core.Tests.Calendar;

public class OpenTimeMeasureTests
{
    private static readonly TimeZoneInfo Amsterdam = LocalTime.FindZone("Europe/Amsterdam");

    private static readonly OpenHours OfficeHours = OpenHours.Weekdays(
        new TimeOnly(9, 0), new TimeOnly(17, 0),
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

    [Fact]
    public void Friday_afternoon_to_monday_morning_is_two_business_hours()
    {
        var from = LocalTime.ToUtc(Amsterdam, new DateTime(2026, 6, 5, 16, 0, 0));
        var to = LocalTime.ToUtc(Amsterdam, new DateTime(2026, 6, 8, 10, 0, 0));

        Assert.Equal(TimeSpan.FromHours(2), OfficeHours.OpenTimeBetween(Amsterdam, from, to));
    }

    [Fact]
    public void Is_the_inverse_of_adding_open_time()
    {
        var from = LocalTime.ToUtc(Amsterdam, new DateTime(2026, 3, 27, 11, 20, 0)); // spans the spring-forward weekend
        var deadline = OfficeHours.AddOpenTime(Amsterdam, from, TimeSpan.FromHours(48));

        Assert.Equal(TimeSpan.FromHours(48), OfficeHours.OpenTimeBetween(Amsterdam, from, deadline));
    }

    [Fact]
    public void Fall_back_night_counts_its_extra_hour_when_open_around_the_clock()
    {
        var from = LocalTime.StartOfDay(Amsterdam, new DateOnly(2026, 10, 25));
        var to = LocalTime.StartOfDay(Amsterdam, new DateOnly(2026, 10, 26));

        Assert.Equal(TimeSpan.FromHours(25), OpenHours.AlwaysOpen.OpenTimeBetween(Amsterdam, from, to));
    }

    [Fact]
    public void Empty_or_reversed_span_has_no_open_time()
    {
        var at = LocalTime.ToUtc(Amsterdam, new DateTime(2026, 6, 8, 10, 0, 0));

        Assert.Equal(TimeSpan.Zero, OfficeHours.OpenTimeBetween(Amsterdam, at, at.AddHours(-3)));
    }
}
