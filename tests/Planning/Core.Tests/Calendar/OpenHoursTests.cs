using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Core.Tests.Calendar;

public class OpenHoursTests
{
    private static readonly TimeZoneInfo Amsterdam = LocalTime.FindZone("Europe/Amsterdam");

    private static readonly OpenHours OfficeHours = OpenHours.Weekdays(
        new TimeOnly(9, 0), new TimeOnly(17, 0),
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

    [Fact]
    public void Business_hours_deadline_skips_nights_and_the_weekend()
    {
        // Friday 2026-06-05 16:00 local + 2 business hours = Monday 10:00 local.
        var start = LocalTime.ToUtc(Amsterdam, new DateTime(2026, 6, 5, 16, 0, 0));

        var deadline = OfficeHours.AddOpenTime(Amsterdam, start, TimeSpan.FromHours(2));

        Assert.Equal(new DateTime(2026, 6, 8, 10, 0, 0), LocalTime.ToLocal(Amsterdam, deadline));
    }

    [Fact]
    public void Forty_eight_business_hours_from_before_opening_is_six_working_days()
    {
        var start = LocalTime.ToUtc(Amsterdam, new DateTime(2026, 6, 1, 7, 0, 0)); // Monday before opening

        var deadline = OfficeHours.AddOpenTime(Amsterdam, start, TimeSpan.FromHours(48));

        Assert.Equal(new DateTime(2026, 6, 8, 17, 0, 0), LocalTime.ToLocal(Amsterdam, deadline));
    }

    [Fact]
    public void Closed_dates_are_not_open()
    {
        var holiday = new DateOnly(2026, 12, 25);
        var hours = OfficeHours.WithClosedDates([holiday]);

        Assert.False(hours.IsOpen(holiday.ToDateTime(new TimeOnly(10, 0))));
        Assert.True(hours.IsOpen(new DateTime(2026, 12, 24, 10, 0, 0)));
    }

    [Fact]
    public void Spring_forward_gap_maps_to_the_instant_after_the_jump()
    {
        var utc = LocalTime.ToUtc(Amsterdam, new DateTime(2026, 3, 29, 2, 30, 0));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), utc);
    }
}
