namespace BackOfficeCloud.Planning.Staffing.Queueing;

/// <summary>Offered load in Erlangs: contacts per interval × handle time ÷ interval length.</summary>
public static class OfferedLoad
{
    public static double Erlangs(double volume, double intervalMinutes, double ahtSeconds)
    {
        if (!(volume >= 0) || double.IsInfinity(volume))
        {
            throw new ArgumentOutOfRangeException(nameof(volume), volume, $"Volume {volume} contacts must be finite and not negative.");
        }

        if (!(intervalMinutes > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(intervalMinutes), intervalMinutes, $"Interval length {intervalMinutes} minutes must be above 0.");
        }

        QueueArguments.RequireAht(ahtSeconds);
        return volume * ahtSeconds / (intervalMinutes * 60);
    }
}
