using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Planning.Blending;

/// <summary>Agents an immediate queue needs for its short-term forecast to meet its service-level target (Erlang C).</summary>
public static class ReserveSizer
{
    public static int RequiredAgents(double arrivalsPerMinute, TimeSpan averageHandleTime, double serviceLevelTarget, TimeSpan threshold)
    {
        if (arrivalsPerMinute <= 0 || averageHandleTime <= TimeSpan.Zero)
        {
            return 0;
        }

        var load = arrivalsPerMinute * averageHandleTime.TotalMinutes;
        var target = new StaffingTarget(serviceLevelTarget, threshold.TotalSeconds);
        return (int)ErlangC.RequiredAgents(load, averageHandleTime.TotalSeconds, target).Agents;
    }
}
