using BackOfficeCloud.Planning.Simulation.Run;

namespace BackOfficeCloud.Planning.Simulation.Tests.Run;

public class TallyTests
{
    [Fact]
    public void Spreads_a_span_over_the_intervals_it_covers_and_drops_what_is_past_the_end()
    {
        var perInterval = new double[3];

        Tally.Spread(perInterval, 50, 250, 100);
        Tally.Spread(perInterval, 280, 400, 100);

        Assert.Equal([50, 100, 70], perInterval);
    }
}
