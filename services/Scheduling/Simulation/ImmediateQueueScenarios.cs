using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Planning.Simulation.Scenario;
using Grpc.Core;

namespace BackOfficeCloud.Scheduling.Simulation;

/// <summary>
/// The schedule's immediate queues as simulated queues: Poisson arrivals at the latest forecast's volume per interval
/// (times the what-if multiplier), exponential handle times at the forecast's volume-weighted mean divided by the
/// roster's concurrency (a chat agent with three sessions serves about three times as fast), the roster's service
/// level target, and exponential patience when the request gives one. A queue the schedule staffs but the latest
/// forecast does not cover in the period is refused (FailedPrecondition).
/// </summary>
public static class ImmediateQueueScenarios
{
    /// <summary>Target of a queue the roster gives none for (as the requirements plan assumes): 80% in 20 s.</summary>
    public const double DefaultTarget = 0.8;
    public const double DefaultThresholdSeconds = 20;

    /// <summary>Handle time of a queue without forecast volume: it gets no contacts, but the simulator needs a mean.</summary>
    private const double NoVolumeHandleSeconds = 300;

    public static IReadOnlyList<QueueScenario> Build(
        ElapsedGrid grid,
        IEnumerable<ImmediateQueue> queues,
        IReadOnlyDictionary<string, RosterQueueUpdated> roster,
        IReadOnlyDictionary<string, ForecastPublished> forecasts,
        SimulationRequest request)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(request);
        return [.. queues.Select(scheduled =>
        {
            var queue = scheduled.Skill;
            var (volume, handleSeconds) = ForecastOnGrid(grid, forecasts.GetValueOrDefault(queue));
            if (handleSeconds is null && scheduled.RequiredAgents.Any(r => r > 0))
            {
                // Simulating without contacts would pass any schedule: refuse rather than validate vacuously.
                throw new RpcException(new Status(
                    StatusCode.FailedPrecondition,
                    $"queue '{queue}' needs agents in this schedule's period, but the service has no forecast volume for it there: publish a forecast covering the period first"));
            }

            var multiplier = request.MultiplierOf(queue);
            var target = roster.GetValueOrDefault(queue);
            var hasTarget = target is not null && (target.TargetServiceLevel > 0 || target.TargetSeconds > 0);
            var concurrency = Math.Max(1, target?.Concurrency ?? 1);
            return new QueueScenario(
                queue,
                queue,
                new ArrivalPattern(PerInterval: [.. volume.Select(v => v * multiplier)]),
                Distribution.Exponential((handleSeconds ?? NoVolumeHandleSeconds) / concurrency),
                hasTarget ? target!.TargetServiceLevel : DefaultTarget,
                hasTarget ? target!.TargetSeconds : DefaultThresholdSeconds,
                request.PatienceSeconds > 0 ? Distribution.Exponential(request.PatienceSeconds) : null);
        })];
    }

    /// <summary>
    /// A forecast's volumes on the simulated grid (a longer forecast interval spread evenly over the intervals it
    /// covers) and its volume-weighted mean handle time; null when it has no volume in the period.
    /// </summary>
    public static (double[] Volume, double? HandleSeconds) ForecastOnGrid(ElapsedGrid grid, ForecastPublished? forecast)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var volume = new double[grid.SimulatedIntervals];
        double offered = 0, work = 0;
        foreach (var interval in forecast?.Intervals.Where(i => i.Start is not null && i.Volume > 0) ?? [])
        {
            var start = interval.Start.ToDateTimeOffset();
            if (!grid.Contains(start))
            {
                continue;
            }

            var parts = Math.Max(1, forecast!.IntervalMinutes / grid.IntervalMinutes);
            var first = grid.IndexOf(start);
            for (var k = first; k < first + parts && k < grid.PeriodIntervals; k++)
            {
                volume[k] += interval.Volume / parts;
            }

            offered += interval.Volume;
            work += interval.Volume * interval.HandleSeconds;
        }

        return (volume, offered > 0 && work > 0 ? work / offered : null);
    }
}
