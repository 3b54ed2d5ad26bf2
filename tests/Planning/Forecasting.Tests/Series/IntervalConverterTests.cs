using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Series;

public class IntervalConverterTests
{
    private static readonly DateOnly Monday = new(2025, 1, 6);

    [Fact]
    public void Fifteen_minutes_sum_to_thirty_and_split_back_with_the_same_shape()
    {
        // Each quarter-hour's value is 1 + its quarter within the half-hour (1 or 2) times the hour.
        var quarters = TestSeries.Build(Monday, 14, 15, i => i.LocalStart.Hour < 8 ? null : (1 + (i.LocalStart.Minute % 30 / 15)) * i.LocalStart.Hour);

        var halves = IntervalConverter.Aggregate(quarters, 30);
        var back = IntervalConverter.Split(halves, 15, quarters);

        Assert.Equal(quarters.Points.Count / 2, halves.Points.Count);
        Assert.Equal(3 * 9, halves.Points.First(p => p.Interval.LocalStart.Hour == 9).Value);
        Assert.Equal(quarters.Points.Select(p => p.Value), back.Points.Select(p => Math.Round(p.Value, 9)));
    }

    [Fact]
    public void Split_without_a_shape_is_even()
    {
        var hours = TestSeries.Build(Monday, 1, 60, i => i.LocalStart.Hour == 9 ? 12 : null);

        var quarters = IntervalConverter.Split(hours, 15);

        Assert.Equal([3.0, 3.0, 3.0, 3.0], quarters.Points.Select(p => p.Value));
    }

    [Fact]
    public void Lengths_that_do_not_nest_are_rejected()
    {
        var hours = TestSeries.Build(Monday, 1, 60, _ => 1);
        Assert.Throws<ArgumentException>(() => IntervalConverter.Split(hours, 15, TestSeries.Build(Monday, 1, 30, _ => 1)));
        Assert.Throws<ArgumentException>(() => IntervalConverter.Aggregate(TestSeries.Build(Monday, 1, 60, _ => 1), 30));
    }
}
