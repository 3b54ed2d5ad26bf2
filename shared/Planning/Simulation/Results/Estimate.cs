namespace BackOfficeCloud.Planning.Simulation.Results;

/// <summary>A mean over replications with the half-width of its 95% confidence interval (Student t; 0 for one replication).</summary>
public readonly record struct Estimate(double Mean, double HalfWidth)
{
    public double Low => Mean - HalfWidth;

    public double High => Mean + HalfWidth;

    public bool Contains(double value) => value >= Low && value <= High;

    public static Estimate Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new Estimate(double.NaN, double.NaN);
        }

        var mean = values.Average();
        if (values.Count == 1)
        {
            return new Estimate(mean, 0);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return new Estimate(mean, StudentT975(values.Count - 1) * Math.Sqrt(variance / values.Count));
    }

    /// <summary>
    /// The 97.5% quantile of Student's t with <paramref name="df"/> degrees of freedom: exact table values up to 10,
    /// then the Cornish-Fisher expansion around the normal quantile (error below 1e-4).
    /// </summary>
    public static double StudentT975(int df)
    {
        ReadOnlySpan<double> table = [12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281];
        if (df <= table.Length)
        {
            return table[df - 1];
        }

        const double z = 1.959964;
        double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
        return z + ((z3 + z) / (4.0 * df)) + (((5 * z5) + (16 * z3) + (3 * z)) / (96.0 * df * df))
            + (((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / (384.0 * df * df * df));
    }
}
