using System.Globalization;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Simulation.Scenario;
using BackOfficeCloud.Scheduling.Planning;
using BackOfficeCloud.Scheduling.Storage;

namespace BackOfficeCloud.Scheduling.Simulation;

/// <summary>
/// The schedule's back-office work types as simulated item types. The simulator gives every item of a type the same
/// deadline after arrival, so items are grouped by their deadline rounded down to whole hours (never later than
/// the real one): forecast items — Poisson at the forecast's volume per interval, due the queue's SLA in business
/// hours after their interval ends, as the requirements plan counts them — and the open backlog, replayed at the
/// period's start (or its arrival) with each item's own effort and due time.
/// </summary>
public static class BackOfficeScenarios
{
    /// <summary>Effort of a work type with neither forecast handle time nor backlog.</summary>
    private const double DefaultEffortSeconds = 600;

    /// <summary>An item already overdue: any completion is late.</summary>
    private const double OverdueDeadlineHours = 1.0 / 3600;

    public static IReadOnlyList<BackOfficeScenario> Build(ElapsedGrid grid, IEnumerable<string> workTypes, PlanningInputs inputs, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(inputs);
        var zone = LocalTime.FindZone(timeZone);
        var scenarios = new List<BackOfficeScenario>();
        foreach (var type in workTypes)
        {
            var roster = inputs.Queues.GetValueOrDefault(type);
            TimeSpan? sla = roster is { DeadlineBusinessHours: > 0 } ? TimeSpan.FromHours(roster.DeadlineBusinessHours) : null;
            var hours = RequirementsRequestBuilder.DueHours(roster, inputs.Settings);
            DateTimeOffset Due(DateTimeOffset from) => sla is { } s ? hours.AddOpenTime(zone, from, s) : grid.End;
            var backlog = inputs.Backlog.Where(i => i.BelongsTo(type) && i.CreatedAt < grid.End).ToList();
            var (volume, handleSeconds) = ImmediateQueueScenarios.ForecastOnGrid(grid, inputs.Forecasts.GetValueOrDefault(type));
            var effort = handleSeconds ?? (backlog.Count > 0 ? backlog.Average(i => i.EffortMinutes) * 60 : DefaultEffortSeconds);
            scenarios.AddRange(Forecast(grid, type, volume, effort, Due));
            scenarios.AddRange(Backlog(grid, type, backlog, Due));
        }

        return scenarios;
    }

    private static IEnumerable<BackOfficeScenario> Forecast(ElapsedGrid grid, string type, double[] volume, double effortSeconds, Func<DateTimeOffset, DateTimeOffset> due)
    {
        var byDeadline = new SortedDictionary<double, double[]>();
        for (var k = 0; k < grid.PeriodIntervals; k++)
        {
            if (volume[k] > 0)
            {
                var end = grid.Start.AddMinutes((k + 1) * grid.IntervalMinutes);
                var deadline = Bucket(Math.Max((due(end) - end).TotalHours, grid.IntervalMinutes / 60.0));
                if (!byDeadline.TryGetValue(deadline, out var arrivals))
                {
                    byDeadline[deadline] = arrivals = new double[grid.SimulatedIntervals];
                }

                arrivals[k] = volume[k];
            }
        }

        return byDeadline.Select(d => new BackOfficeScenario(
            Name(type, "", d.Key), type, new ArrivalPattern(PerInterval: d.Value), Distribution.Exponential(effortSeconds), d.Key));
    }

    private static IEnumerable<BackOfficeScenario> Backlog(ElapsedGrid grid, string type, IReadOnlyList<OpenWorkItem> items, Func<DateTimeOffset, DateTimeOffset> due) =>
        items
            .Select(i =>
            {
                var arrival = i.CreatedAt < grid.Start ? grid.Start : i.CreatedAt;
                var hours = ((i.DueAt ?? due(i.CreatedAt)) - arrival).TotalHours;
                return (Seconds: grid.SecondsOf(arrival), Deadline: hours > 0 ? Bucket(hours) : OverdueDeadlineHours, EffortSeconds: i.EffortMinutes * 60);
            })
            .GroupBy(i => i.Deadline)
            .OrderBy(g => g.Key)
            .Select(g => new BackOfficeScenario(
                Name(type, "backlog ", g.Key),
                type,
                new ArrivalPattern(ReplaySeconds: [.. g.Select(i => i.Seconds)]),
                new Distribution(DistributionKind.Empirical, SamplesSeconds: [.. g.Select(i => i.EffortSeconds)]),
                g.Key));

    /// <summary>Whole hours, rounded down; under an hour, whole minutes (at least one).</summary>
    private static double Bucket(double hours) => hours >= 1 ? Math.Floor(hours) : Math.Max(1, Math.Floor(hours * 60)) / 60;

    private static string Name(string type, string kind, double deadlineHours) =>
        string.Create(CultureInfo.InvariantCulture, $"{type} {kind}(due in {deadlineHours:0.##} h)");
}
