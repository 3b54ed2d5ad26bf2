using BackOfficeCloud.Planning.Simulation.Scenario;

namespace BackOfficeCloud.Planning.Simulation.Sampling;

/// <summary>
/// The next arrival instant of a non-homogeneous Poisson process with a constant rate in each interval (an
/// exponential gap at the interval's rate; past the interval's end the memoryless gap is redrawn at the next
/// rate), or of a replayed history.
/// </summary>
internal sealed class ArrivalClock
{
    private readonly double[] _meanGapSeconds;
    private readonly double _intervalSeconds;
    private readonly double[]? _replay;
    private int _replayNext;

    public ArrivalClock(ArrivalPattern pattern, double[] expectedPerInterval, double intervalSeconds)
    {
        _intervalSeconds = intervalSeconds;
        _meanGapSeconds = [.. expectedPerInterval.Select(e => e > 0 ? intervalSeconds / e : double.PositiveInfinity)];
        if (pattern.ReplaySeconds is { } replay)
        {
            _replay = [.. replay.Order()];
        }
    }

    /// <summary>The first arrival after <paramref name="now"/>, or +∞ when no more arrive.</summary>
    public double Next(double now, RandomStream random)
    {
        if (_replay is not null)
        {
            return _replayNext < _replay.Length ? _replay[_replayNext++] : double.PositiveInfinity;
        }

        var t = now;
        var k = (int)(t / _intervalSeconds);
        while (k < _meanGapSeconds.Length)
        {
            var end = (k + 1) * _intervalSeconds;
            var meanGap = _meanGapSeconds[k];
            if (meanGap < double.PositiveInfinity)
            {
                var candidate = t + random.Exponential(meanGap);
                if (candidate < end)
                {
                    return candidate;
                }
            }

            t = end;
            k++;
        }

        return double.PositiveInfinity;
    }
}
