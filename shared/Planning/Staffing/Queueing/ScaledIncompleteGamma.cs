using MathNet.Numerics;

namespace BackOfficeCloud.Planning.Staffing.Queueing;

/// <summary>
/// Logarithms of the incomplete gamma functions scaled by e^z z^-a: ln(e^z z^-a γ(a,z)) and ln(e^z z^-a Γ(a,z)).
/// The Erlang A and fractional Erlang B formulas need exactly these products, which stay representable where
/// γ, Γ or the regularized ratios alone overflow or underflow (hundreds of agents, thousands of Erlangs), so the
/// series and continued fraction are written out here in scaled form instead of using a library's regularized ones.
/// </summary>
internal static class ScaledIncompleteGamma
{
    private const int MaxTerms = 1_000_000;
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;

    /// <summary>ln(e^z z^-a γ(a,z)) for a &gt; 0, z ≥ 0.</summary>
    public static double LogLower(double a, double z)
    {
        if (z < a + 1)
        {
            return Math.Log(LowerSeries(a, z));
        }

        var logComplete = LogComplete(a, z);
        return logComplete + Math.Log(1 - (UpperContinuedFraction(a, z) * Math.Exp(-logComplete)));
    }

    /// <summary>ln(e^z z^-a Γ(a,z)) for a &gt; 0, z &gt; 0.</summary>
    public static double LogUpper(double a, double z)
    {
        if (z >= a + 1)
        {
            return Math.Log(UpperContinuedFraction(a, z));
        }

        var logComplete = LogComplete(a, z);
        return logComplete + Math.Log(1 - (LowerSeries(a, z) * Math.Exp(-logComplete)));
    }

    /// <summary>ln(e^z z^-a Γ(a)): the two scaled parts add up to this.</summary>
    private static double LogComplete(double a, double z) => z - (a * Math.Log(z)) + SpecialFunctions.GammaLn(a);

    /// <summary>Σ_k z^k / (a(a+1)…(a+k)); converges quickly for z &lt; a + 1.</summary>
    private static double LowerSeries(double a, double z)
    {
        var term = 1 / a;
        var sum = term;
        for (var k = 1; k < MaxTerms; k++)
        {
            term *= z / (a + k);
            sum += term;
            if (term < sum * Epsilon)
            {
                return sum;
            }
        }

        throw new ArithmeticException($"Incomplete gamma series did not converge for a={a}, z={z}.");
    }

    /// <summary>e^z z^-a Γ(a,z) by the modified Lentz continued fraction; converges quickly for z ≥ a + 1.</summary>
    private static double UpperContinuedFraction(double a, double z)
    {
        var b = z + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxTerms; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                return h;
            }
        }

        throw new ArithmeticException($"Incomplete gamma continued fraction did not converge for a={a}, z={z}.");
    }
}
