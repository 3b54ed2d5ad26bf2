namespace BackOfficeCloud.Planning.Forecasting.Methods;

/// <summary>
/// Derivative-free minimisation (Nelder–Mead simplex) for the few smoothing parameters of a method; no numerics
/// library in the package set offers it.
/// </summary>
internal static class NelderMead
{
    public static double[] Minimize(Func<double[], double> objective, double[] start, double step, int maxEvaluations, double tolerance)
    {
        var n = start.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0)
            {
                simplex[i][i - 1] += step;
            }

            values[i] = objective(simplex[i]);
        }

        var evaluations = n + 1;
        while (evaluations < maxEvaluations)
        {
            Array.Sort(values, simplex);
            if (Math.Abs(values[n] - values[0]) <= tolerance * (Math.Abs(values[0]) + 1e-12))
            {
                break;
            }

            var centroid = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    centroid[j] += simplex[i][j] / n;
                }
            }

            var reflected = Along(centroid, simplex[n], -1);
            var fr = objective(reflected);
            evaluations++;
            if (fr < values[0])
            {
                var expanded = Along(centroid, simplex[n], -2);
                var fe = objective(expanded);
                evaluations++;
                (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[n - 1])
            {
                (simplex[n], values[n]) = (reflected, fr);
            }
            else
            {
                var contracted = Along(centroid, simplex[n], 0.5);
                var fc = objective(contracted);
                evaluations++;
                if (fc < values[n])
                {
                    (simplex[n], values[n]) = (contracted, fc);
                }
                else
                {
                    for (var i = 1; i <= n; i++)
                    {
                        simplex[i] = Along(simplex[0], simplex[i], 0.5);
                        values[i] = objective(simplex[i]);
                    }

                    evaluations += n;
                }
            }
        }

        var best = 0;
        for (var i = 1; i <= n; i++)
        {
            best = values[i] < values[best] ? i : best;
        }

        return simplex[best];
    }

    /// <summary>centroid + t·(point − centroid).</summary>
    private static double[] Along(double[] centroid, double[] point, double t)
    {
        var result = new double[centroid.Length];
        for (var j = 0; j < result.Length; j++)
        {
            result[j] = centroid[j] + (t * (point[j] - centroid[j]));
        }

        return result;
    }
}
