using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Series;

public class WeeklyOpenMaskTests
{
    [Fact]
    public void Learns_office_hours_from_the_rows_that_exist()
    {
        var first = new DateOnly(2025, 1, 6);
        var series = TestSeries.Build(first, 28, 30, TestSeries.OfficePattern);

        var hours = WeeklyOpenMask.Learn(SlotMatrix.From(series, first, 28), 8).ToOpenHours(30);

        Assert.Equal([new TimeRange(new TimeOnly(8, 0), new TimeOnly(18, 0))], hours.RangesOn(new DateOnly(2025, 2, 5)));
        Assert.Empty(hours.RangesOn(new DateOnly(2025, 2, 8)));
    }

    [Fact]
    public void Given_open_hours_become_the_same_mask()
    {
        var hours = OpenHours.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 30), DayOfWeek.Monday);

        var mask = WeeklyOpenMask.FromOpenHours(hours, 30);

        Assert.Equal(17, mask.OpenSlotsOn(DayOfWeek.Monday));
        Assert.True(mask.IsOpen(DayOfWeek.Monday, 18));
        Assert.False(mask.IsOpen(DayOfWeek.Monday, 35));
        Assert.Equal(0, mask.OpenSlotsOn(DayOfWeek.Tuesday));
    }
}
