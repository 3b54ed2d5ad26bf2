using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Forecasting.Backlog;

/// <param name="OpenItems">Items open at the start of the first interval.</param>
/// <param name="MinutesPerItem">Average work minutes per item (from the handle-time forecast).</param>
public sealed record BacklogRequest(double OpenItems, double MinutesPerItem, IReadOnlyList<WorkInterval> Intervals);

/// <summary>The state at the end of one interval.</summary>
/// <param name="WorkedItems">Items completed in the interval.</param>
/// <param name="BacklogItems">Items open at its end.</param>
/// <param name="IdleMinutes">Planned capacity left without work: room for blending or other tasks.</param>
public readonly record struct BacklogPoint(PlanningInterval Interval, double ArrivingItems, double WorkedItems, double BacklogItems, double BacklogMinutes, double IdleMinutes);

/// <summary>
/// Projects a back-office backlog: open items + forecast arrivals − planned capacity, in work minutes, interval by
/// interval. Work arriving in an interval can be done in it (a fluid model: items are divisible, capacity is spent as
/// soon as there is work).
/// </summary>
public sealed class BacklogProjector
{
    public IReadOnlyList<BacklogPoint> Project(BacklogRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        WorkIntervals.Validate(request.Intervals, request.MinutesPerItem, nameof(request.Intervals));
        if (!(request.OpenItems >= 0) || !double.IsFinite(request.OpenItems))
        {
            throw new ArgumentException($"OpenItems is {request.OpenItems}: it must be finite and not negative.", nameof(request));
        }

        var minutes = request.OpenItems * request.MinutesPerItem;
        var points = new BacklogPoint[request.Intervals.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var w = request.Intervals[i];
            var available = minutes + (w.ArrivingItems * request.MinutesPerItem);
            var worked = Math.Min(available, w.CapacityMinutes);
            minutes = available - worked;
            points[i] = new BacklogPoint(
                w.Interval,
                w.ArrivingItems,
                worked / request.MinutesPerItem,
                minutes / request.MinutesPerItem,
                minutes,
                w.CapacityMinutes - worked);
        }

        return points;
    }
}
