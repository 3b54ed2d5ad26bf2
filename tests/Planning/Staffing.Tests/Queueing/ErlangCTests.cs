using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Planning.Staffing.Tests.Queueing;

public class ErlangCTests
{
    // The classic worked example: 100 calls in 30 minutes, AHT 180 s (10 Erlangs), 80% answered in 20 s.
    // Reference figures computed with 40-digit arithmetic from the factorial form of Erlang C.
    [Fact]
    public void Classic_100_calls_per_half_hour_needs_14_agents()
    {
        var metrics = ErlangC.RequiredAgents(10, 180, new StaffingTarget(0.8, 20));

        Assert.Equal(14, metrics.Agents);
        Assert.Equal(0.888350019179467, metrics.ServiceLevel, 12);
        Assert.Equal(0.17413193359505, metrics.ProbabilityOfWait, 12);
        Assert.Equal(7.83593701177724, metrics.AsaSeconds, 10);
        Assert.Equal(10.0 / 14, metrics.Occupancy, 12);
    }

    [Fact]
    public void Three_agents_at_two_erlangs_wait_four_ninths_of_the_time()
    {
        // Σ_{k<3} 2^k/k! = 5 and (2^3/3!)·3/(3−2) = 4, so P(wait) = 4/9 exactly.
        Assert.Equal(4.0 / 9, ErlangC.ProbabilityOfWait(3, 2), 15);
    }

    [Fact]
    public void Thirteen_agents_miss_the_classic_target()
    {
        Assert.Equal(0.795594788417783, ErlangC.ServiceLevel(13, 10, 180, 20), 12);
        Assert.Equal(17.1162271821896, ErlangC.AverageSpeedOfAnswer(13, 10, 180), 10);
    }

    [Theory]
    [InlineData(1, 0.01)]
    [InlineData(2, 0.5)]
    [InlineData(15, 10)]
    [InlineData(100, 99.9)] // occupancy near 1
    [InlineData(1700, 1666.67)] // 5,000 calls in 15 minutes at AHT 300 s
    [InlineData(10_000, 9_850)]
    public void Wait_probability_matches_direct_summation(int agents, double load)
    {
        var expected = DirectSummation.ErlangCWait(agents, load);

        Assert.Equal(expected, ErlangC.ProbabilityOfWait(agents, load), 1e-9 * Math.Max(1, expected));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(150.5)]
    [InlineData(420)]
    [InlineData(2000)]
    [InlineData(9_000)]
    public void Warm_started_search_agrees_with_the_full_recursion(double load)
    {
        var searched = ErlangC.RequiredAgents(load, 300, new StaffingTarget(0.8, 20));

        var evaluated = ErlangC.Evaluate(searched.Agents, load, 300, 20);

        Assert.Equal(evaluated.ProbabilityOfWait, searched.ProbabilityOfWait, 1e-12);
        Assert.Equal(evaluated.ServiceLevel, searched.ServiceLevel, 1e-12);
        Assert.True(ErlangC.ServiceLevel(searched.Agents - 1, load, 300, 20) < 0.8);
    }

    [Fact]
    public void Staffing_is_the_smallest_count_meeting_every_target()
    {
        var target = new StaffingTarget(0.9, 15, MaxAsaSeconds: 5, MaxOccupancy: 0.85);
        var load = 5000 * 300 / 900.0;

        var metrics = ErlangC.RequiredAgents(load, 300, target);
        var oneFewer = ErlangC.Evaluate(metrics.Agents - 1, load, 300, 15);

        Assert.True(target.IsMetBy(metrics));
        Assert.False(target.IsMetBy(oneFewer));
    }

    [Fact]
    public void Occupancy_cap_binds_when_service_is_easy()
    {
        var metrics = ErlangC.RequiredAgents(100, 300, new StaffingTarget(0.5, 60, MaxOccupancy: 0.8));

        Assert.Equal(125, metrics.Agents);
    }

    [Fact]
    public void Zero_volume_needs_nobody_and_is_perfect()
    {
        var metrics = ErlangC.RequiredAgents(0, 300, new StaffingTarget(0.8, 20));

        Assert.Equal(new QueueMetrics(0, 1, 0, 0, 0, 0), metrics);
    }

    [Fact]
    public void Too_few_agents_is_an_unstable_queue()
    {
        var metrics = ErlangC.Evaluate(10, 10, 180, 20);

        Assert.Equal(0, metrics.ServiceLevel);
        Assert.Equal(1, metrics.ProbabilityOfWait);
        Assert.True(double.IsPositiveInfinity(metrics.AsaSeconds));
    }

    [Fact]
    public void Fractional_agents_lie_between_their_whole_neighbours()
    {
        var below = ErlangC.ServiceLevel(12, 10, 180, 20);
        var between = ErlangC.ServiceLevel(12.5, 10, 180, 20);
        var above = ErlangC.ServiceLevel(13, 10, 180, 20);

        Assert.InRange(between, below, above);
        Assert.Equal(above, ErlangC.ServiceLevel(13.0, 10, 180, 20), 14);
    }

    [Fact]
    public void Aht_of_zero_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.RequiredAgents(10, 0, new StaffingTarget(0.8, 20)));

        Assert.Equal("ahtSeconds", error.ParamName);
        Assert.Contains("AHT 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_volume_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.RequiredAgents(-1, 180, new StaffingTarget(0.8, 20)));

        Assert.Equal("offeredLoadErlangs", error.ParamName);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void Service_level_of_everyone_at_once_is_impossible(double serviceLevel)
    {
        var error = Assert.Throws<ArgumentException>(() => ErlangC.RequiredAgents(10, 180, new StaffingTarget(serviceLevel, 20)));

        Assert.Contains("Impossible target", error.Message, StringComparison.Ordinal);
    }
}
