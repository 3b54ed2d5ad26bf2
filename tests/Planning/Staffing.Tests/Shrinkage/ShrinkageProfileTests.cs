using BackOfficeCloud.Planning.Staffing.Shrinkage;

namespace BackOfficeCloud.Planning.Staffing.Tests.Shrinkage;

public class ShrinkageProfileTests
{
    [Fact]
    public void Planned_factors_add_and_absence_multiplies()
    {
        var profile = new ShrinkageProfile([new("breaks", 0.10, true), new("training", 0.05, true), new("absence", 0.10, false)]);

        Assert.Equal(0.15, profile.Planned, 12);
        Assert.Equal(0.85 * 0.9, profile.ProductiveShare, 12);
        Assert.Equal(1 - (0.85 * 0.9), profile.Total, 12);
        Assert.Equal(100 / (0.85 * 0.9), profile.ScheduledHeads(100), 9);
        Assert.Equal(131, profile.WholeHeads(100)); // 130.72 rounds up
    }

    [Fact]
    public void Whole_heads_tolerate_floating_point_noise()
    {
        var profile = new ShrinkageProfile([new("breaks", 0.2, true)]);

        Assert.Equal(10, profile.WholeHeads(8.000000000001));
    }

    [Fact]
    public void Shrinkage_of_everyone_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ShrinkageProfile([new("breaks", 0.6, true), new("meetings", 0.5, true)]));

        Assert.Contains("below 1", error.Message, StringComparison.Ordinal);
    }
}
