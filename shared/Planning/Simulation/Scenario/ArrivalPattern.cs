namespace BackOfficeCloud.Planning.Simulation.Scenario;

/// <summary>
/// How work arrives: a Poisson process with a rate per interval (<see cref="PerInterval"/>, expected arrivals in each
/// interval, repeated when shorter than the scenario, e.g. one day's profile for a week), or a constant
/// <see cref="PerHour"/>; or replayed from history (<see cref="ReplaySeconds"/>: arrival instants in seconds from
/// the start).
/// </summary>
public sealed record ArrivalPattern(
    IReadOnlyList<double>? PerInterval = null,
    double? PerHour = null,
    IReadOnlyList<double>? ReplaySeconds = null)
{
    public static ArrivalPattern Constant(double perHour) => new(PerHour: perHour);

    /// <summary>Expected arrivals in each of <paramref name="intervals"/> intervals (for a replay: the counts).</summary>
    public double[] ExpectedPerInterval(int intervals, double intervalSeconds)
    {
        var expected = new double[intervals];
        if (ReplaySeconds is { } replay)
        {
            foreach (var t in replay)
            {
                var k = (int)(t / intervalSeconds);
                if (t >= 0 && k < intervals)
                {
                    expected[k]++;
                }
            }

            return expected;
        }

        for (var k = 0; k < intervals; k++)
        {
            expected[k] = PerInterval is { Count: > 0 } profile ? profile[k % profile.Count] : (PerHour ?? 0) * intervalSeconds / 3600;
        }

        return expected;
    }
}
