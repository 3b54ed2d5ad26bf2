using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Planning.Staffing.Tests.Queueing;

public class ErlangBTests
{
    [Fact]
    public void Whole_servers_match_the_textbook_value()
    {
        // B(2, 3) = (9/2) / (1 + 3 + 9/2) = 9/17.
        Assert.Equal(9.0 / 17, ErlangB.Blocking(2, 3), 15);
    }

    [Theory]
    [InlineData(10, 5.0, 0.018385)] // Erlang B table: 10 trunks at 5 Erlangs
    [InlineData(5, 2.0, 0.036697)]
    [InlineData(20, 15.0, 0.045593)]
    public void Matches_the_published_loss_table(int servers, double load, double blocking)
    {
        Assert.Equal(blocking, ErlangB.Blocking(servers, load), 6);
    }

    [Fact]
    public void Fractional_servers_match_the_integral_form()
    {
        // 1/B(x, A) = A ∫₀^∞ e^−At (1+t)^x dt; 0.432664591094246 from 40-digit quadrature.
        Assert.Equal(0.432664591094246, ErlangB.Blocking(2.5, 3), 12);
        Assert.Equal(IntegralBlocking(0.3, 0.7), ErlangB.Blocking(0.3, 0.7), 9);
        Assert.Equal(IntegralBlocking(4.75, 12), ErlangB.Blocking(4.75, 12), 9);
    }

    [Fact]
    public void Large_systems_neither_overflow_nor_lose_the_answer()
    {
        var blocking = ErlangB.Blocking(10_000, 10_000);

        // Near N = A, B ≈ sqrt(2 / (π A)).
        Assert.InRange(blocking, 0.0079, 0.0080);
    }

    private static double IntegralBlocking(double servers, double load)
    {
        // Simpson's rule on t ∈ [0, 60/A]: the integrand has decayed far below double precision beyond that.
        const int Panels = 200_000;
        var upper = 60 / load;
        var h = upper / Panels;
        double F(double t) => Math.Exp((-load * t) + (servers * Math.Log(1 + t)));
        var sum = F(0) + F(upper);
        for (var i = 1; i < Panels; i++)
        {
            sum += F(i * h) * (i % 2 == 1 ? 4 : 2);
        }

        return 1 / (load * sum * h / 3);
    }
}
