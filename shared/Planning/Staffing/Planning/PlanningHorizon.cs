using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Staffing.Planning;

/// <summary>The local days to plan and their interval length; days with a daylight-saving change have more or fewer intervals.</summary>
public sealed record PlanningHorizon(TimeZoneInfo Zone, DateOnly FirstDay, int Days, int IntervalMinutes)
{
    public IReadOnlyList<PlanningInterval> Intervals()
    {
        if (Days < 1)
        {
            throw new ArgumentException($"Planning horizon days {Days} must be at least 1.", nameof(Days));
        }

        return IntervalGrid.Build(Zone, FirstDay, Days, IntervalMinutes);
    }
}
