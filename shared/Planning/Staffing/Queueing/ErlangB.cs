namespace BackOfficeCloud.Planning.Staffing.Queueing;

/// <summary>
/// Erlang's loss formula B(N, A), computed as its reciprocal by the stable recursion 1/B(n) = 1 + (n/A)/B(n-1)
/// (no factorials, no overflow before the answer stops mattering). Fractional N uses the continuous extension
/// 1/B(x, A) = A e^A A^-(x+1) Γ(x+1, A) for the fractional part, then the same recursion.
/// </summary>
public static class ErlangB
{
    /// <summary>The probability that a contact finds all <paramref name="servers"/> busy in a loss system.</summary>
    public static double Blocking(double servers, double offeredLoadErlangs) =>
        1 / InverseBlocking(servers, offeredLoadErlangs);

    /// <summary>1 / B(servers, load); 1 at zero servers, +∞ at zero load with servers.</summary>
    public static double InverseBlocking(double servers, double offeredLoadErlangs)
    {
        QueueArguments.RequireAgents(servers);
        QueueArguments.RequireLoad(offeredLoadErlangs);
        if (offeredLoadErlangs == 0)
        {
            return servers == 0 ? 1 : double.PositiveInfinity;
        }

        var whole = Math.Floor(servers);
        var fraction = servers - whole;
        var inverse = fraction == 0
            ? 1
            : offeredLoadErlangs * Math.Exp(ScaledIncompleteGamma.LogUpper(fraction + 1, offeredLoadErlangs));
        var perServer = 1 / offeredLoadErlangs;
        for (var k = 1; k <= whole; k++)
        {
            inverse = 1 + ((fraction + k) * perServer * inverse);
        }

        return inverse;
    }
}
