using BackOfficeCloud.Planning.Simulation.Results;

namespace BackOfficeCloud.Planning.Simulation.Tests.Results;

public class EstimateTests
{
    // Published 97.5% quantiles of Student's t.
    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(9, 2.262)]
    [InlineData(19, 2.093)]
    [InlineData(30, 2.042)]
    [InlineData(120, 1.980)]
    public void Student_t_quantiles_match_the_tables(int df, double expected) =>
        Assert.Equal(expected, Estimate.StudentT975(df), 3);

    [Fact]
    public void Confidence_interval_of_known_values()
    {
        // Mean 5, sample sd sqrt(2.5), n 5: half-width 2.7764 * sqrt(2.5 / 5).
        var estimate = Estimate.Of([3, 4, 5, 6, 7]);

        Assert.Equal(5, estimate.Mean, 12);
        Assert.Equal(2.7764 * Math.Sqrt(0.5), estimate.HalfWidth, 4);
        Assert.True(estimate.Contains(3.1));
        Assert.False(estimate.Contains(2.9));
    }
}
