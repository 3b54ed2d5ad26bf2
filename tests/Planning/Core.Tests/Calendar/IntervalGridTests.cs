using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Core.Tests.Calendar;

public class IntervalGridTests
{
    private static readonly TimeZoneInfo Amsterdam = LocalTime.FindZone("Europe/Amsterdam");

    [Theory]
    [InlineData("2026-03-28", 96)] // ordinary Saturday
    [InlineData("2026-03-29", 92)] // spring forward: 23 hours
    [InlineData("2026-10-25", 100)] // fall back: 25 hours
    public void A_local_day_has_as_many_quarter_hours_as_it_has_hours_times_four(string day, int expected)
    {
        var intervals = IntervalGrid.Day(Amsterdam, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), 15);

        Assert.Equal(expected, intervals.Count);
        Assert.All(intervals.Zip(intervals.Skip(1)), pair => Assert.Equal(pair.First.EndUtc, pair.Second.StartUtc));
    }

    [Fact]
    public void Fall_back_day_repeats_the_two_oclock_hour_in_local_time()
    {
        var intervals = IntervalGrid.Day(Amsterdam, new DateOnly(2026, 10, 25), 60);

        var twoOClock = intervals.Where(i => i.LocalStart.Hour == 2).ToList();
        Assert.Equal(2, twoOClock.Count);
        Assert.Equal(TimeSpan.FromHours(1), twoOClock[1].StartUtc - twoOClock[0].StartUtc);
    }

    [Fact]
    public void Floor_puts_an_instant_on_the_start_of_its_interval()
    {
        var instant = new DateTimeOffset(2026, 6, 1, 8, 7, 0, TimeSpan.Zero); // 10:07 local (CEST)

        var floor = IntervalGrid.Floor(Amsterdam, instant, 15);

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero), floor);
    }

    [Fact]
    public void Unsupported_interval_length_is_refused_with_its_value()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => IntervalGrid.Day(Amsterdam, new DateOnly(2026, 1, 1), 7));
        Assert.Equal(7, ex.ActualValue);
    }
}
