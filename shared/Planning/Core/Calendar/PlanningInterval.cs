namespace BackOfficeCloud.Planning.Calendar;

/// <summary>One planning interval laid on the tenant's local calendar.</summary>
/// <param name="StartUtc">The instant the interval starts.</param>
/// <param name="LocalStart">The wall-clock time it starts in the tenant's zone.</param>
/// <param name="Minutes">Its length; on a daylight-saving change the last interval before the change may be shorter.</param>
public readonly record struct PlanningInterval(DateTimeOffset StartUtc, DateTime LocalStart, int Minutes)
{
    public DateTimeOffset EndUtc => StartUtc.AddMinutes(Minutes);

    public DateOnly LocalDate => DateOnly.FromDateTime(LocalStart);

    public DayOfWeek Weekday => LocalStart.DayOfWeek;

    /// <summary>Minutes since local midnight: the slot key of intraday profiles and shift rules.</summary>
    public int MinuteOfDay => (LocalStart.Hour * 60) + LocalStart.Minute;
}
