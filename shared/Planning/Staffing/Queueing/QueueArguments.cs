namespace BackOfficeCloud.Planning.Staffing.Queueing;

/// <summary>Argument checks shared by the queueing formulas; each message names the field and the value.</summary>
internal static class QueueArguments
{
    public static void RequireAgents(double agents)
    {
        if (!(agents >= 0) || double.IsInfinity(agents))
        {
            throw new ArgumentOutOfRangeException(nameof(agents), agents, $"Agents {agents} must be a finite number, 0 or more.");
        }
    }

    public static void RequireLoad(double offeredLoadErlangs)
    {
        if (!(offeredLoadErlangs >= 0) || double.IsInfinity(offeredLoadErlangs))
        {
            throw new ArgumentOutOfRangeException(
                nameof(offeredLoadErlangs), offeredLoadErlangs, $"Offered load {offeredLoadErlangs} Erlangs must be finite and not negative (is the volume negative?).");
        }
    }

    public static void RequireAht(double ahtSeconds)
    {
        if (!(ahtSeconds > 0) || double.IsInfinity(ahtSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(ahtSeconds), ahtSeconds, $"AHT {ahtSeconds} s must be a finite number of seconds above 0.");
        }
    }

    public static void RequirePatience(double patienceSeconds)
    {
        if (!(patienceSeconds > 0) || double.IsInfinity(patienceSeconds))
        {
            throw new ArgumentOutOfRangeException(
                nameof(patienceSeconds), patienceSeconds, $"Mean patience {patienceSeconds} s must be a finite number of seconds above 0.");
        }
    }

    public static void RequireTargetSeconds(double targetSeconds)
    {
        if (!(targetSeconds >= 0) || double.IsInfinity(targetSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(targetSeconds), targetSeconds, $"Target seconds {targetSeconds} must be finite and not negative.");
        }
    }
}
