using System.Globalization;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Simulation.Results;
using BackOfficeCloud.Scheduling.Storage;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Scheduling.Simulation;

/// <summary>
/// The simulator's result as the API's <see cref="ScheduleSimulation"/>, judged against the targets: a queue misses
/// when its mean service level is more than the tolerance under its target; the back office misses when more than
/// the tolerance of its items finish late or are overdue at the end.
/// </summary>
public static class SimulationVerdict
{
    public static ScheduleSimulation Judge(SimulationResult result, ScheduleScenario scenario, SimulationRequest request, StoredSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(schedule);
        var overall = result.Overall;
        var queues = overall.Queues.Zip(scenario.Scenario.Queues, (kpis, queue) => Queue(kpis, queue.ServiceLevelTarget, queue.ThresholdSeconds, request.Tolerance)).ToList();
        var backOffice = BackOffice(overall, request.Tolerance);
        var misses = queues.Where(q => !q.Meets).Select(q => Text(
            $"{q.Queue}: service level {q.ServiceLevel.Mean:P1} (±{q.ServiceLevel.HalfWidth:P1}) against a target of {q.TargetServiceLevel:P0} in {q.ThresholdSeconds:0.#} s: {q.Shortfall:P1} short")).ToList();
        if (!backOffice.Meets)
        {
            misses.Add(Text($"back office: {backOffice.LateShare:P1} of {backOffice.Arrived.Mean:0.#} items late or overdue at the end"));
        }

        return new ScheduleSimulation
        {
            ScheduleId = schedule.ScheduleId.ToString(),
            Version = schedule.Version,
            Policy = result.Policy,
            Replications = result.Replications,
            Seed = result.Seed,
            Events = result.Events,
            Seconds = result.Seconds,
            Queues = { queues },
            BackOffice = backOffice,
            AgentHours = Kpi(overall.AgentHours),
            PhoneOccupancy = Kpi(overall.PhoneOccupancy),
            BackOfficeOccupancy = Kpi(overall.BackOfficeOccupancy),
            Utilization = Kpi(overall.Utilization),
            Intervals = { result.Intervals.Take(scenario.Grid.PeriodIntervals).Select(Interval) },
            AbsentEmployees = scenario.AbsentEmployees,
            Tolerance = request.Tolerance,
            MeetsTargets = misses.Count == 0,
            Misses = { misses },
            SimulatedAt = Timestamp.FromDateTimeOffset(now),
            ArrivalMultipliers = { request.ArrivalMultipliers.Select(m => new ArrivalMultiplier { Queue = m.Key, Multiplier = m.Value }) },
        };
    }

    private static SimulatedQueue Queue(QueueKpis kpis, double target, double thresholdSeconds, double tolerance)
    {
        var shortfall = target - kpis.ServiceLevel.Mean;
        return new SimulatedQueue
        {
            Queue = kpis.Queue,
            Offered = Kpi(kpis.Offered),
            ServiceLevel = Kpi(kpis.ServiceLevel),
            AsaSeconds = Kpi(kpis.AsaSeconds),
            AbandonRate = Kpi(kpis.AbandonRate),
            TargetServiceLevel = target,
            ThresholdSeconds = thresholdSeconds,
            Shortfall = shortfall,
            Meets = shortfall <= tolerance,
        };
    }

    private static BackOfficeKpis BackOffice(OverallKpis overall, double tolerance)
    {
        var arrived = overall.BackOfficeArrived.Mean;
        var lateShare = arrived > 0 ? (overall.BackOfficeLate.Mean + overall.BackOfficeOverdueAtEnd.Mean) / arrived : 0;
        return new BackOfficeKpis
        {
            Arrived = Kpi(overall.BackOfficeArrived),
            Completed = Kpi(overall.BackOfficeCompleted),
            Late = Kpi(overall.BackOfficeLate),
            OpenAtEnd = Kpi(overall.BackOfficeOpenAtEnd),
            OverdueAtEnd = Kpi(overall.BackOfficeOverdueAtEnd),
            LateShare = lateShare,
            Meets = lateShare <= tolerance,
        };
    }

    private static SimulatedInterval Interval(IntervalKpis kpis) => new()
    {
        Start = Timestamp.FromDateTimeOffset(kpis.Start),
        Queues =
        {
            kpis.Queues.Select(q => new SimulatedQueueInterval
            {
                Queue = q.Queue, Offered = q.Offered, ServiceLevel = q.ServiceLevel, AsaSeconds = q.AsaSeconds, AbandonRate = q.AbandonRate,
            }),
        },
        ScheduledAgents = kpis.ScheduledAgents,
        PhoneOccupancy = kpis.PhoneOccupancy,
        BackOfficeOccupancy = kpis.BackOfficeOccupancy,
        BackOfficeCompleted = kpis.BackOfficeCompleted,
        BackOfficeLate = kpis.BackOfficeLate,
    };

    private static KpiEstimate Kpi(Estimate estimate) => new() { Mean = Finite(estimate.Mean), HalfWidth = Finite(estimate.HalfWidth) };

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
