using System.Numerics;

namespace BackOfficeCloud.Planning.Simulation.Sampling;

/// <summary>
/// A seeded stream of random numbers: xoshiro256** (Blackman and Vigna), its state filled from the seed by SplitMix64
/// as its authors advise. A seeded <see cref="Random"/> keeps the slow legacy algorithm of .NET Framework for
/// compatibility (only the unseeded one is xoshiro), and every draw through it is a virtual call.
/// </summary>
internal sealed class RandomStream
{
    private const double UnitStep = 1.0 / (1UL << 53);
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    public RandomStream(long seed)
    {
        var x = (ulong)seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1), in steps of 2⁻⁵³.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * UnitStep;

    /// <summary>Uniform on (0, 1]: safe to take the logarithm of.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 1) * UnitStep;

    /// <summary>Uniform on 0..<paramref name="count"/>-1 (Lemire's multiply-shift; the bias is below 2⁻³² for any count).</summary>
    public int Next(int count) => (int)Math.BigMul(NextUInt64(), (ulong)count, out _);

    /// <summary>Exponential with the given mean, by inversion.</summary>
    public double Exponential(double mean) => -mean * Math.Log(NextOpenDouble());

    /// <summary>
    /// Standard normal by Marsaglia's polar method, which draws two at a time: the second is kept for the next call,
    /// so a normal costs half a logarithm and square root and no trigonometry.
    /// </summary>
    public double StandardNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var scale = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * scale;
        _hasSpareNormal = true;
        return u * scale;
    }

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
