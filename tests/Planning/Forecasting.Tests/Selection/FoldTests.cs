using BackOfficeCloud.Planning.Forecasting.Selection;
using BackOfficeCloud.Planning.Forecasting.SpecialDays;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Selection;

public class FoldTests
{
    private static readonly DateOnly Monday = new(2025, 1, 6);

    [Fact]
    public void A_half_day_is_scored_but_does_not_calibrate_the_intervals()
    {
        // Ten weeks of the office pattern; the Wednesday of week 9 runs at half volume (a half-day before a holiday).
        var halfDay = Monday.AddDays(58);
        var history = TestSeries.Build(Monday, 70, 30, i => TestSeries.OfficePattern(i) * (i.LocalDate == halfDay ? 0.5 : 1));
        var windows = TrainingWindows.Of(history, 70, SpecialDayCalendar.None, null, ForecastOptions.Default);

        var fold = Fold.Build(windows, origin: 56, days: 14, skipUnusualDays: true);

        var tenAm = (2 * 48) + 20;
        Assert.Equal(15, fold.Actual[tenAm], 9);
        Assert.False(fold.Calibrates(tenAm));
        Assert.True(fold.Calibrates(tenAm + 48));
        Assert.Equal([2], fold.Atypical);
    }
}
