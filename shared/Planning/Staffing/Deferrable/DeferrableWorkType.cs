using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Staffing.Deferrable;

/// <summary>
/// A kind of back-office work (claims, refunds, emails) planned in work minutes: forecast arrivals per planning
/// interval plus the open backlog, each item due within <see cref="Sla"/> of open time on <see cref="Hours"/> (the
/// hours it may be worked) or by its own due time.
/// </summary>
/// <param name="Arrivals">Forecast items arriving in each planning interval, one value per interval of the horizon.</param>
/// <param name="Sla">Open time from arrival to deadline, e.g. 48 business hours; null when every item has a due time.</param>
public sealed record DeferrableWorkType(
    string Name,
    double HandleMinutes,
    OpenHours Hours,
    TimeSpan? Sla,
    IReadOnlyList<double> Arrivals,
    IReadOnlyList<BacklogItem> Backlog);
