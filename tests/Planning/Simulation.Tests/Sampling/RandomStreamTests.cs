using BackOfficeCloud.Planning.Simulation.Sampling;

namespace BackOfficeCloud.Planning.Simulation.Tests.Sampling;

public class RandomStreamTests
{
    [Fact]
    public void Seed_1_gives_the_reference_xoshiro256_starstar_outputs()
    {
        // The reference C code (prng.di.unimi.it) with its state filled by splitmix64 from 1, run in Python.
        var random = new RandomStream(1);

        Assert.Equal(0xb3f2af6d0fc710c5UL, random.NextUInt64());
        Assert.Equal(0x853b559647364ceaUL, random.NextUInt64());
        Assert.Equal(0x92f89756082a4514UL, random.NextUInt64());
    }

    [Fact]
    public void Draws_have_the_moments_of_their_distributions()
    {
        const int n = 400_000;
        var random = new RandomStream(7);
        double exponential = 0, normal = 0, normalSquares = 0, uniform = 0;
        var counts = new int[5];
        for (var i = 0; i < n; i++)
        {
            exponential += random.Exponential(120);
            var z = random.StandardNormal();
            normal += z;
            normalSquares += z * z;
            uniform += random.NextDouble();
            counts[random.Next(5)]++;
        }

        // Standard errors: 120/√n ≈ 0.19 s, 1/√n ≈ 0.0016, √(2/n) ≈ 0.0022, √(1/12n) ≈ 0.00046; bounds at 4 to 5 of them.
        Assert.InRange(exponential / n, 119.2, 120.8);
        Assert.InRange(normal / n, -0.007, 0.007);
        Assert.InRange(normalSquares / n, 0.99, 1.01);
        Assert.InRange(uniform / n, 0.498, 0.502);
        Assert.All(counts, c => Assert.InRange(c, (n / 5) - 1300, (n / 5) + 1300));
    }

    [Fact]
    public void Open_draws_are_never_zero_and_at_most_one()
    {
        var random = new RandomStream(3);
        for (var i = 0; i < 100_000; i++)
        {
            Assert.InRange(random.NextOpenDouble(), double.Epsilon, 1.0);
        }
    }
}
