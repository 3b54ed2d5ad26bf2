using BackOfficeCloud.Planning.Forecasting.Selection;
using BackOfficeCloud.Planning.Forecasting.SpecialDays;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Selection;

public class FoldTests
{
    private static readonly DateOnly Monday = new(2025, 1, 6);

    [Fact]
    public void A_half_day_is_scored_but_neither_ranks_methods_nor_calibrates_the_intervals()
    {
        var fold = HalfDayFold();

        var tenAm = (2 * 48) + 20;
        Assert.Equal(15, fold.Actual[tenAm], 9);
        Assert.False(fold.IsOrdinary(tenAm));
        Assert.True(fold.IsOrdinary(tenAm + 48));
        Assert.Equal([2], fold.Atypical);
    }

    [Fact]
    public void A_forecast_right_on_every_ordinary_day_ranks_with_zero_error_whatever_it_said_for_the_half_day()
    {
        var fold = HalfDayFold();
        var usualWeek = TestSeries.Build(Monday.AddDays(56), 14, 30, TestSeries.OfficePattern);
        var forecast = new double[fold.Actual.Length];
        foreach (var p in usualWeek.Points)
        {
            forecast[((p.Interval.LocalDate.DayNumber - Monday.AddDays(56).DayNumber) * 48) + (p.Interval.MinuteOfDay / 30)] = p.Value;
        }

        Assert.Equal(0, MethodSelector.FoldWape(forecast, fold), 9);
        forecast[(3 * 48) + 20] += 15;
        Assert.True(MethodSelector.FoldWape(forecast, fold) > 0);
    }

    /// <summary>Ten weeks of the office pattern whose Wednesday of week 9 runs at half volume (a half-day before a holiday); the fold is weeks 9–10.</summary>
    private static Fold HalfDayFold()
    {
        var halfDay = Monday.AddDays(58);
        var history = TestSeries.Build(Monday, 70, 30, i => TestSeries.OfficePattern(i) * (i.LocalDate == halfDay ? 0.5 : 1));
        var windows = TrainingWindows.Of(history, 70, SpecialDayCalendar.None, null, ForecastOptions.Default);
        return Fold.Build(windows, origin: 56, days: 14, skipUnusualDays: true);
    }
}
