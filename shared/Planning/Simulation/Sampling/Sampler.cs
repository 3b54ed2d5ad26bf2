using BackOfficeCloud.Planning.Simulation.Scenario;

namespace BackOfficeCloud.Planning.Simulation.Sampling;

/// <summary>Draws durations from a <see cref="Distribution"/>; the lognormal's parameters are solved once.</summary>
internal sealed class Sampler
{
    private readonly DistributionKind _kind;
    private readonly double _mean;
    private readonly double _mu;
    private readonly double _sigma;
    private readonly double[] _samples;

    public Sampler(Distribution distribution)
    {
        _kind = distribution.Kind;
        _mean = distribution.MeanSeconds;
        _samples = [.. distribution.SamplesSeconds ?? []];
        if (_kind == DistributionKind.Lognormal)
        {
            var cv2 = distribution.SdSeconds * distribution.SdSeconds / (_mean * _mean);
            _sigma = Math.Sqrt(Math.Log(1 + cv2));
            _mu = Math.Log(_mean) - (_sigma * _sigma / 2);
        }
    }

    public double Next(RandomStream random) => _kind switch
    {
        DistributionKind.Exponential => random.Exponential(_mean),
        DistributionKind.Lognormal => Math.Exp(_mu + (_sigma * random.StandardNormal())),
        DistributionKind.Empirical => _samples[random.Next(_samples.Length)],
        _ => _mean,
    };
}
