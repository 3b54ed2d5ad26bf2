using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.HandleTime;

namespace BackOfficeCloud.Planning.Forecasting.Tests.HandleTime;

public class HandleTimeForecasterTests
{
    private static readonly DateOnly Monday = new(2025, 1, 6);

    [Fact]
    public void Average_is_weighted_by_volume_not_by_interval()
    {
        // Monday 09:00 over two weeks: 90 calls at 200 s and 10 calls at 400 s → 22000 / 100 = 220 s, not 300.
        var contacts = TestSeries.Build(Monday, 14, 60, i => i.LocalStart.Hour == 9 && i.Weekday == DayOfWeek.Monday ? (i.LocalDate == Monday ? 90 : 10) : null);
        var seconds = TestSeries.Build(Monday, 14, 60, i => i.LocalStart.Hour == 9 && i.Weekday == DayOfWeek.Monday ? (i.LocalDate == Monday ? 90 * 200 : 10 * 400) : null);
        var target = IntervalGrid.Day(TestSeries.Amsterdam, Monday.AddDays(14), 60)[9];

        var aht = new HandleTimeForecaster().Forecast(new HandleTimeRequest(contacts, seconds, [target], PriorContacts: 0));

        Assert.Equal(220, aht.Single(), 9);
    }

    [Fact]
    public void Sparse_cells_are_shrunk_towards_the_interval_average()
    {
        // Tuesday 09:00 has 2 calls at 600 s; other weekdays' 09:00 have 100 calls a day at 300 s. With 30 prior contacts the
        // 09:00 average is (2·600 + 400·300 + 30·overall) / 432, and Tuesday's cell is pulled almost all the way to it.
        var contacts = TestSeries.Build(Monday, 7, 60, i => i.LocalStart.Hour != 9 || i.Weekday is DayOfWeek.Saturday or DayOfWeek.Sunday ? null : i.Weekday == DayOfWeek.Tuesday ? 2 : 100);
        var seconds = TestSeries.Build(Monday, 7, 60, i => i.LocalStart.Hour != 9 || i.Weekday is DayOfWeek.Saturday or DayOfWeek.Sunday ? null : i.Weekday == DayOfWeek.Tuesday ? 1200 : 30000);
        var target = IntervalGrid.Day(TestSeries.Amsterdam, Monday.AddDays(8), 60)[9];

        var aht = new HandleTimeForecaster().Forecast(new HandleTimeRequest(contacts, seconds, [target])).Single();

        var overall = (1200 + (4 * 30000)) / 402.0;
        var slot = (1200 + (4 * 30000) + (30 * overall)) / 432.0;
        Assert.Equal((1200 + (30 * slot)) / 32.0, aht, 9);
        Assert.InRange(aht, 300, 325);
    }
}
