using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Series;

public class IntervalSeriesTests
{
    [Fact]
    public void Aggregate_sums_six_minute_counts_into_half_hours()
    {
        var zone = TestSeries.Amsterdam;
        var start = LocalTime.ToUtc(zone, new DateTime(2025, 3, 3, 9, 0, 0));
        var observations = Enumerable.Range(0, 10).Select(k => new Observation(start.AddMinutes(6 * k), k + 1));

        var series = IntervalSeries.Aggregate(zone, 30, observations);

        Assert.Equal(2, series.Points.Count);
        Assert.Equal(1 + 2 + 3 + 4 + 5, series.Points[0].Value);
        Assert.Equal(6 + 7 + 8 + 9 + 10, series.Points[1].Value);
        Assert.Equal(new DateTime(2025, 3, 3, 9, 30, 0), series.Points[1].Interval.LocalStart);
    }

    [Fact]
    public void Negative_value_is_rejected_naming_the_point()
    {
        var interval = IntervalGrid.Day(TestSeries.Amsterdam, new DateOnly(2025, 3, 3), 60)[9];
        var error = Assert.Throws<ArgumentException>(() => new IntervalSeries(TestSeries.Amsterdam, 60, [new IntervalValue(interval, -1)]));
        Assert.Contains("points[0].Value is -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slot_matrix_averages_the_repeated_fall_back_hour_and_leaves_the_skipped_spring_hour_unknown()
    {
        // 2025-10-26 has 02:00-03:00 twice in Amsterdam; 2025-03-30 has no 02:00-03:00.
        var fallBack = TestSeries.Build(new DateOnly(2025, 10, 26), 1, 60, i => i.LocalStart.Hour == 2 ? (i.StartUtc.Hour == 0 ? 10 : 20) : 1);
        var spring = TestSeries.Build(new DateOnly(2025, 3, 30), 1, 60, _ => 1);

        var autumn = SlotMatrix.From(fallBack, new DateOnly(2025, 10, 26), 1);
        var march = SlotMatrix.From(spring, new DateOnly(2025, 3, 30), 1);

        Assert.Equal(25, fallBack.Points.Count);
        Assert.Equal(15, autumn[0, 2]);
        Assert.Equal(23, spring.Points.Count);
        Assert.True(double.IsNaN(march[0, 2]));
        Assert.Equal(1, march[0, 3]);
    }

    [Fact]
    public void Horizon_after_history_follows_the_local_grid_over_a_daylight_saving_night()
    {
        var history = TestSeries.Build(new DateOnly(2025, 10, 19), 7, 60, _ => 1);

        var targets = ForecastHorizon.After(history, 25);

        Assert.All(targets, t => Assert.Equal(new DateOnly(2025, 10, 26), t.LocalDate));
        Assert.Equal(TimeSpan.FromHours(24), targets[^1].StartUtc - targets[0].StartUtc);
    }

    [Fact]
    public void Target_off_the_grid_is_rejected_naming_its_index()
    {
        var start = LocalTime.ToUtc(TestSeries.Amsterdam, new DateTime(2025, 3, 3, 9, 10, 0));
        var error = Assert.Throws<ArgumentException>(() => ForecastHorizon.At(TestSeries.Amsterdam, 30, [start]));
        Assert.Contains("timestamps[0]", error.Message, StringComparison.Ordinal);
    }
}
