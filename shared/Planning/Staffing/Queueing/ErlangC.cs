namespace BackOfficeCloud.Planning.Staffing.Queueing;

/// <summary>
/// Erlang C (M/M/N, callers wait forever). Load A = arrival rate × AHT in Erlangs; agents may be fractional.
/// P(wait) = N / ((N − A)/B(N, A) + A); SL(T) = 1 − P(wait)·e^−(N−A)T/AHT; ASA = P(wait)·AHT/(N − A).
/// </summary>
public static class ErlangC
{
    /// <summary>Agents beyond which a staffing search gives up: no real queue needs more.</summary>
    public const int MaxAgents = 10_000_000;

    public static double ProbabilityOfWait(double agents, double offeredLoadErlangs)
    {
        QueueArguments.RequireAgents(agents);
        QueueArguments.RequireLoad(offeredLoadErlangs);
        if (offeredLoadErlangs == 0)
        {
            return 0;
        }

        return agents <= offeredLoadErlangs
            ? 1
            : WaitProbability(agents, offeredLoadErlangs, ErlangB.InverseBlocking(agents, offeredLoadErlangs));
    }

    public static double ServiceLevel(double agents, double offeredLoadErlangs, double ahtSeconds, double targetSeconds) =>
        Evaluate(agents, offeredLoadErlangs, ahtSeconds, targetSeconds).ServiceLevel;

    public static double AverageSpeedOfAnswer(double agents, double offeredLoadErlangs, double ahtSeconds) =>
        Evaluate(agents, offeredLoadErlangs, ahtSeconds, 0).AsaSeconds;

    public static double Occupancy(double agents, double offeredLoadErlangs)
    {
        QueueArguments.RequireAgents(agents);
        QueueArguments.RequireLoad(offeredLoadErlangs);
        return offeredLoadErlangs == 0 ? 0 : agents == 0 ? 1 : Math.Min(1, offeredLoadErlangs / agents);
    }

    /// <summary>Every measure of the queue with <paramref name="agents"/> answering.</summary>
    public static QueueMetrics Evaluate(double agents, double offeredLoadErlangs, double ahtSeconds, double targetSeconds)
    {
        QueueArguments.RequireAht(ahtSeconds);
        QueueArguments.RequireTargetSeconds(targetSeconds);
        var pWait = ProbabilityOfWait(agents, offeredLoadErlangs);
        var occupancy = Occupancy(agents, offeredLoadErlangs);
        if (offeredLoadErlangs == 0)
        {
            return new QueueMetrics(agents, 1, 0, 0, 0, 0);
        }

        if (agents <= offeredLoadErlangs)
        {
            return new QueueMetrics(agents, 0, double.PositiveInfinity, occupancy, 1, 0);
        }

        return Metrics(agents, offeredLoadErlangs, ahtSeconds, targetSeconds, pWait);
    }

    /// <summary>
    /// The fewest whole agents meeting <paramref name="target"/> (its abandon limit does not apply: nobody abandons).
    /// One pass of the Erlang B recursion up through the candidates, so a search costs O(N) in all (O(√N) warm-started).
    /// </summary>
    public static QueueMetrics RequiredAgents(double offeredLoadErlangs, double ahtSeconds, StaffingTarget target)
    {
        QueueArguments.RequireLoad(offeredLoadErlangs);
        QueueArguments.RequireAht(ahtSeconds);
        ArgumentNullException.ThrowIfNull(target);
        target.Validate();
        if (offeredLoadErlangs == 0)
        {
            return new QueueMetrics(0, 1, 0, 0, 0, 0);
        }

        var load = offeredLoadErlangs;
        var perServer = 1 / load;
        var fewestForOccupancy = target.MaxOccupancy is { } maxOccupancy ? load / maxOccupancy : 0;
        var maxAsa = target.MaxAsaSeconds ?? double.PositiveInfinity;
        var decayPerAgent = Math.Exp(-target.TargetSeconds / ahtSeconds);
        var decay = double.NaN; // e^−(n−A)T/AHT, from the first candidate on updated by one multiplication per agent
        var (start, inverseBlocking) = WarmStart(load);
        for (var n = start + 1; n <= MaxAgents; n++)
        {
            inverseBlocking = 1 + (n * perServer * inverseBlocking);
            if (n <= load || n < fewestForOccupancy)
            {
                continue;
            }

            decay = double.IsNaN(decay) ? Math.Exp(-(n - load) * target.TargetSeconds / ahtSeconds) : decay * decayPerAgent;
            var pWait = WaitProbability(n, load, inverseBlocking);
            if (1 - (pWait * decay) >= target.ServiceLevel && pWait * ahtSeconds / (n - load) <= maxAsa)
            {
                return Metrics(n, load, ahtSeconds, target.TargetSeconds, pWait);
            }
        }

        throw new ArgumentException(
            $"Impossible target: no staffing up to {MaxAgents} agents meets service level {target.ServiceLevel} in {target.TargetSeconds} s at {load} Erlangs.",
            nameof(target));
    }

    /// <summary>
    /// Where the Erlang B recursion may start instead of at zero servers. Below the load 1/B(m) ≈ A/(A − m), and an
    /// error there shrinks by Π k/A ≈ e^−(A−m)²/2A on the way up to A: from m = A − 10√A − 10 that is below e^−50,
    /// so the search costs O(√A) steps instead of O(A) with the same doubles as the full recursion.
    /// </summary>
    private static (int Servers, double InverseBlocking) WarmStart(double load)
    {
        var start = (int)Math.Floor(load - (10 * Math.Sqrt(load)) - 10);
        return start <= 0 ? (0, 1.0) : (start, load / (load - start));
    }

    internal static double WaitProbability(double agents, double load, double inverseBlocking) =>
        agents / (((agents - load) * inverseBlocking) + load);

    private static QueueMetrics Metrics(double agents, double load, double ahtSeconds, double targetSeconds, double pWait) =>
        new(
            agents,
            1 - (pWait * Math.Exp(-(agents - load) * targetSeconds / ahtSeconds)),
            pWait * ahtSeconds / (agents - load),
            load / agents,
            pWait,
            0);
}
