namespace BackOfficeCloud.Planning.Staffing.Queueing;

/// <summary>
/// Erlang A (M/M/N+M: callers abandon after an exponential patience), exact (Mandelbaum and Zeltyn's formulas).
/// With x = Nμ/θ and y = λ/θ (μ = 1/AHT, θ = 1/patience) and 𝒜(x,y) = x e^y y^−x γ(x,y):
/// P(wait) = 𝒜E / (1 + (𝒜 − 1)E) with E = Erlang B(N, A); P(abandon | wait) = 1 − 1/ρ + 1/(ρ𝒜) with ρ = y/x;
/// mean wait over all offered = P(abandon)·patience (Little's law on the abandoning stream). An arrival that finds
/// j waiting waits V with e^−θV ~ Beta(x, j + 1), which gives the share answered within T:
/// P(wait ≤ T, served | wait) = [x e^y y^−(x+1)] (γ(x+1,y) − γ(x+1,y e^−θT)) / 𝒜.
/// </summary>
public static class ErlangA
{
    /// <summary>Agents beyond which a staffing search gives up.</summary>
    public const int MaxAgents = 10_000_000;

    public static double ProbabilityOfWait(double agents, double offeredLoadErlangs, double ahtSeconds, double patienceSeconds) =>
        Evaluate(agents, offeredLoadErlangs, ahtSeconds, patienceSeconds, 0).ProbabilityOfWait;

    public static double ProbabilityOfAbandon(double agents, double offeredLoadErlangs, double ahtSeconds, double patienceSeconds) =>
        Evaluate(agents, offeredLoadErlangs, ahtSeconds, patienceSeconds, 0).AbandonRate;

    /// <summary>Share of all offered contacts answered within <paramref name="targetSeconds"/>; abandons count as missed.</summary>
    public static double ServiceLevel(double agents, double offeredLoadErlangs, double ahtSeconds, double patienceSeconds, double targetSeconds) =>
        Evaluate(agents, offeredLoadErlangs, ahtSeconds, patienceSeconds, targetSeconds).ServiceLevel;

    /// <summary>Mean wait over all offered contacts, answered or abandoned.</summary>
    public static double AverageSpeedOfAnswer(double agents, double offeredLoadErlangs, double ahtSeconds, double patienceSeconds) =>
        Evaluate(agents, offeredLoadErlangs, ahtSeconds, patienceSeconds, 0).AsaSeconds;

    public static double Occupancy(double agents, double offeredLoadErlangs, double ahtSeconds, double patienceSeconds) =>
        Evaluate(agents, offeredLoadErlangs, ahtSeconds, patienceSeconds, 0).Occupancy;

    /// <summary>Every measure of the queue with <paramref name="agents"/> answering.</summary>
    public static QueueMetrics Evaluate(double agents, double offeredLoadErlangs, double ahtSeconds, double patienceSeconds, double targetSeconds)
    {
        QueueArguments.RequireAgents(agents);
        QueueArguments.RequireLoad(offeredLoadErlangs);
        QueueArguments.RequireAht(ahtSeconds);
        QueueArguments.RequirePatience(patienceSeconds);
        QueueArguments.RequireTargetSeconds(targetSeconds);
        if (offeredLoadErlangs == 0)
        {
            return new QueueMetrics(agents, 1, 0, 0, 0, 0);
        }

        if (agents == 0)
        {
            return new QueueMetrics(0, 0, patienceSeconds, 0, 1, 1);
        }

        return Metrics(agents, offeredLoadErlangs, ahtSeconds, patienceSeconds, targetSeconds, ErlangB.InverseBlocking(agents, offeredLoadErlangs));
    }

    /// <summary>
    /// The fewest whole agents meeting every part of <paramref name="target"/>. Every measure improves with more
    /// agents, so the search doubles until the target is met and then bisects: O(log N) evaluations.
    /// </summary>
    public static QueueMetrics RequiredAgents(double offeredLoadErlangs, double ahtSeconds, double patienceSeconds, StaffingTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Validate();
        QueueMetrics At(int agents) => Evaluate(agents, offeredLoadErlangs, ahtSeconds, patienceSeconds, target.TargetSeconds);

        var atZero = At(0);
        if (target.IsMetBy(atZero))
        {
            return atZero;
        }

        var notMet = 0;
        var met = 1;
        var metMetrics = At(met);
        while (!target.IsMetBy(metMetrics))
        {
            if (met >= MaxAgents)
            {
                throw new ArgumentException(
                    $"Impossible target: no staffing up to {MaxAgents} agents meets the target at {offeredLoadErlangs} Erlangs.", nameof(target));
            }

            notMet = met;
            met = Math.Min(MaxAgents, met * 2);
            metMetrics = At(met);
        }

        while (met - notMet > 1)
        {
            var middle = notMet + ((met - notMet) / 2);
            var middleMetrics = At(middle);
            if (target.IsMetBy(middleMetrics))
            {
                (met, metMetrics) = (middle, middleMetrics);
            }
            else
            {
                notMet = middle;
            }
        }

        return metMetrics;
    }

    private static QueueMetrics Metrics(double agents, double load, double ahtSeconds, double patienceSeconds, double targetSeconds, double inverseBlocking)
    {
        var x = agents * patienceSeconds / ahtSeconds;
        var y = load * patienceSeconds / ahtSeconds;
        var logA = Math.Log(x) + ScaledIncompleteGamma.LogLower(x, y);
        var inverseA = Math.Exp(-logA);
        var pWait = 1 / (1 + ((inverseBlocking - 1) * inverseA));
        var servedGivenWait = x / y * (1 - inverseA);
        var pAbandon = Math.Clamp(pWait * (1 - servedGivenWait), 0, 1);

        // Waiting contacts answered within T: x e^y y^−(x+1) (γ(x+1, y) − γ(x+1, z)) / 𝒜 with z = y e^−θT.
        var decay = targetSeconds / patienceSeconds;
        var z = y * Math.Exp(-decay);
        var logShift = (-y * ExpMinusOne(-decay)) - ((x + 1) * decay); // ln(e^(y−z) (z/y)^(x+1))
        var servedWithinTarget = z >= x + 2
            // Deep in overload both arguments lie in the upper tail: Γ(x+1, z) − Γ(x+1, y) avoids cancelling against Γ(x+1).
            ? Math.Exp(logShift + ScaledIncompleteGamma.LogUpper(x + 1, z) + Math.Log(x) - logA)
                - Math.Exp(ScaledIncompleteGamma.LogUpper(x + 1, y) + Math.Log(x) - logA)
            : servedGivenWait - Math.Exp(logShift + ScaledIncompleteGamma.LogLower(x + 1, z) + Math.Log(x) - logA);
        var serviceLevel = Math.Clamp(1 - pWait + (pWait * servedWithinTarget), 0, 1);
        return new QueueMetrics(
            agents,
            serviceLevel,
            pAbandon * patienceSeconds,
            Math.Min(1, load * (1 - pAbandon) / agents),
            pWait,
            pAbandon);
    }

    /// <summary>e^v − 1 without cancellation for small v (Kahan's trick; MathNet's Expm1 loses digits near 0.07).</summary>
    private static double ExpMinusOne(double v)
    {
        var u = Math.Exp(v);
        if (u == 1)
        {
            return v;
        }

        var um1 = u - 1;
        return um1 == -1 ? -1 : um1 * v / Math.Log(u);
    }
}
