using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Planning.Staffing.Tests.Queueing;

public class ErlangATests
{
    [Theory]
    [InlineData(5, 4.0, 60, 120, 20)]
    [InlineData(3, 4.0, 300, 60, 30)] // overloaded: more offered than agents
    [InlineData(12, 10.0, 180, 300, 20)]
    [InlineData(1, 0.05, 120, 600, 10)] // tiny volume
    public void Measures_match_the_chain_summed_directly(int agents, double load, double aht, double patience, double target)
    {
        var expected = DirectSummation.ErlangA(agents, load, aht, patience, target);

        var metrics = ErlangA.Evaluate(agents, load, aht, patience, target);

        Assert.Equal(expected.PWait, metrics.ProbabilityOfWait, 9);
        Assert.Equal(expected.PAbandon, metrics.AbandonRate, 9);
        Assert.Equal(expected.ServiceLevel, metrics.ServiceLevel, 7);
        Assert.Equal(expected.AsaSeconds, metrics.AsaSeconds, 6);
        Assert.Equal(load * (1 - expected.PAbandon) / agents, metrics.Occupancy, 9);
    }

    [Fact]
    public void Matches_reference_values_at_high_precision()
    {
        // 14 agents, 10 Erlangs, AHT 180 s, mean patience 300 s, 20 s target; from 40-digit incomplete gamma.
        var metrics = ErlangA.Evaluate(14, 10, 180, 300, 20);

        Assert.Equal(0.145260114296361, metrics.ProbabilityOfWait, 12);
        Assert.Equal(0.0139837441224089, metrics.AbandonRate, 12);
        Assert.Equal(0.916792091863547, metrics.ServiceLevel, 12);
        Assert.Equal(4.19512323672268, metrics.AsaSeconds, 10);
    }

    [Fact]
    public void Endless_patience_tends_to_erlang_c()
    {
        var c = ErlangC.Evaluate(14, 10, 180, 20);

        var a = ErlangA.Evaluate(14, 10, 180, 1e9, 20);

        Assert.Equal(c.ProbabilityOfWait, a.ProbabilityOfWait, 6);
        Assert.Equal(c.ServiceLevel, a.ServiceLevel, 6);
        Assert.Equal(c.AsaSeconds, a.AsaSeconds, 4);
    }

    [Fact]
    public void Large_center_at_5000_calls_per_interval_stays_finite_and_consistent()
    {
        var load = 5000 * 300 / 900.0;
        var metrics = ErlangA.RequiredAgents(load, 300, 120, new StaffingTarget(0.8, 20, MaxAbandonRate: 0.02));

        var oneFewer = ErlangA.Evaluate(metrics.Agents - 1, load, 300, 120, 20);

        Assert.InRange(metrics.Agents, 1600, 1750);
        Assert.True(metrics.ServiceLevel >= 0.8 && metrics.AbandonRate <= 0.02);
        Assert.False(oneFewer.ServiceLevel >= 0.8 && oneFewer.AbandonRate <= 0.02);
    }

    [Fact]
    public void Abandon_target_drives_staffing_when_service_level_is_loose()
    {
        var loose = new StaffingTarget(0.1, 20);
        var strict = loose with { MaxAbandonRate = 0.01 };

        var forService = ErlangA.RequiredAgents(10, 180, 60, loose);
        var forAbandon = ErlangA.RequiredAgents(10, 180, 60, strict);

        Assert.True(forAbandon.Agents > forService.Agents);
        Assert.True(forAbandon.AbandonRate <= 0.01);
        Assert.True(ErlangA.ProbabilityOfAbandon(forAbandon.Agents - 1, 10, 180, 60) > 0.01);
    }

    [Fact]
    public void Measures_stay_probabilities_and_improve_with_every_agent_across_the_range()
    {
        foreach (var load in new[] { 0.01, 0.7, 12.0, 480.0, 2000.0 })
        {
            foreach (var patience in new[] { 5.0, 120.0, 1e6 })
            {
                var previous = ErlangA.Evaluate(0, load, 240, patience, 20);
                for (var agents = 1; agents <= (int)(load * 1.3) + 5; agents += 1 + (agents / 40))
                {
                    var metrics = ErlangA.Evaluate(agents, load, 240, patience, 20);

                    foreach (var share in new[] { metrics.ServiceLevel, metrics.ProbabilityOfWait, metrics.AbandonRate, metrics.Occupancy })
                    {
                        Assert.InRange(share, 0, 1);
                    }

                    Assert.True(double.IsFinite(metrics.AsaSeconds));
                    Assert.True(metrics.ServiceLevel >= previous.ServiceLevel - 1e-12, $"SL fell at {agents} agents, {load} E, patience {patience}");
                    Assert.True(metrics.AbandonRate <= previous.AbandonRate + 1e-12, $"Abandons rose at {agents} agents, {load} E, patience {patience}");
                    previous = metrics;
                }
            }
        }
    }

    [Fact]
    public void Zero_volume_needs_nobody()
    {
        var metrics = ErlangA.RequiredAgents(0, 180, 60, new StaffingTarget(0.8, 20, MaxAbandonRate: 0.05));

        Assert.Equal(0, metrics.Agents);
        Assert.Equal(1, metrics.ServiceLevel);
    }

    [Fact]
    public void Patience_of_zero_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(5, 4, 60, 0, 20));

        Assert.Equal("patienceSeconds", error.ParamName);
    }
}
