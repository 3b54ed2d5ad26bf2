namespace BackOfficeCloud.Planning.Staffing.Tests.Queueing;

/// <summary>
/// Independent reference computations: the birth-death chain's state probabilities summed term by term (in log
/// space so large loads fit), and for Erlang A the tagged caller's race against its patience integrated in time.
/// </summary>
internal static class DirectSummation
{
    /// <summary>Erlang C P(wait) from Σ A^k/k! for k &lt; N and the queue's geometric tail.</summary>
    public static double ErlangCWait(int agents, double load)
    {
        var logTerms = Enumerable.Range(0, agents).Select(k => LogPoissonWeight(k, load)).ToList();
        var logQueueing = LogPoissonWeight(agents, load) + Math.Log(agents / (agents - load));
        var max = Math.Max(logTerms.Max(), logQueueing);
        var below = logTerms.Sum(t => Math.Exp(t - max));
        var queueing = Math.Exp(logQueueing - max);
        return queueing / (below + queueing);
    }

    /// <summary>Erlang A measures from the truncated chain: (P(wait), P(abandon), SL within T, mean wait).</summary>
    public static (double PWait, double PAbandon, double ServiceLevel, double AsaSeconds) ErlangA(
        int agents, double load, double aht, double patience, double targetSeconds, int maxWaiting = 200, int steps = 4000)
    {
        double mu = 1 / aht, theta = 1 / patience, lambda = load * mu;
        var p = new List<double>();
        for (var k = 0; k <= agents; k++)
        {
            p.Add(Math.Exp(LogPoissonWeight(k, load)));
        }

        for (var j = 1; j < maxWaiting; j++)
        {
            p.Add(p[^1] * lambda / ((agents * mu) + (j * theta)));
        }

        var total = p.Sum();
        var ahead = p.Skip(agents).Select(v => v / total).ToArray();
        var pWait = ahead.Sum();

        // P(served | i ahead) = Π over the positions it passes of advance rate / (advance rate + own abandonment).
        var pAbandon = 0.0;
        for (var i = 0; i < ahead.Length; i++)
        {
            var served = 1.0;
            for (var m = 0; m <= i; m++)
            {
                served *= ((agents * mu) + (m * theta)) / ((agents * mu) + (m * theta) + theta);
            }

            pAbandon += ahead[i] * (1 - served);
        }

        var servedInTime = ServedWithin(ahead, agents * mu, theta, targetSeconds, steps);
        return (pWait, pAbandon, 1 - pWait + servedInTime, pAbandon * patience);
    }

    private static double LogPoissonWeight(int k, double load)
    {
        var logFactorial = 0.0;
        for (var i = 2; i <= k; i++)
        {
            logFactorial += Math.Log(i);
        }

        return (k * Math.Log(load)) - logFactorial;
    }

    /// <summary>RK4 on the tagged caller's position: i ahead moves to i−1 at Nμ + iθ, reaches an agent from 0 at Nμ, leaves at θ.</summary>
    private static double ServedWithin(double[] start, double serviceRate, double theta, double horizon, int steps)
    {
        var q = (double[])start.Clone();
        var h = horizon / steps;
        var served = 0.0;
        for (var s = 0; s < steps; s++)
        {
            var (k1, s1) = Derivative(q, serviceRate, theta);
            var (k2, s2) = Derivative(Step(q, k1, h / 2), serviceRate, theta);
            var (k3, s3) = Derivative(Step(q, k2, h / 2), serviceRate, theta);
            var (k4, s4) = Derivative(Step(q, k3, h), serviceRate, theta);
            for (var i = 0; i < q.Length; i++)
            {
                q[i] += h / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]);
            }

            served += h / 6 * (s1 + (2 * s2) + (2 * s3) + s4);
        }

        return served;
    }

    private static double[] Step(double[] q, double[] slope, double h) => q.Select((v, i) => v + (h * slope[i])).ToArray();

    private static (double[] Slope, double ServedRate) Derivative(double[] q, double serviceRate, double theta)
    {
        var d = new double[q.Length];
        for (var i = 0; i < q.Length; i++)
        {
            var advance = serviceRate + (i * theta);
            d[i] -= (advance + theta) * q[i];
            if (i > 0)
            {
                d[i - 1] += advance * q[i];
            }
        }

        return (d, serviceRate * q[0]);
    }
}
