using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Staffing.Deferrable;
using BackOfficeCloud.Planning.Staffing.Queueing;
using Google.OrTools.LinearSolver;

namespace BackOfficeCloud.Planning.Staffing.Planning;

/// <summary>
/// Plans requirements in three steps: each immediate queue's agents per interval by its queueing model; one LP
/// (GLOP) choosing scheduled heads per interval, whose productive share covers the immediate queues and whose spare
/// minutes plus the allowed share of the immediate agents' idle time carry the deferrable work by its deadlines, at
/// the fewest paid hours; and the silo comparison, the same work done by a flat back-office team. LP heads are
/// rounded up (or solved as integers with SCIP); the LP optimum bounds every integer plan, which gives the gap.
/// </summary>
public sealed class RequirementsPlanner : IRequirementsPlanner
{
    /// <summary>Head counts within this of a whole number are that number (solver round-off).</summary>
    private const double WholeTolerance = 1e-6;

    private readonly RequirementsOptions options;

    public RequirementsPlanner(RequirementsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    public RequirementsResult Plan(RequirementsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var intervals = request.Horizon.Intervals();
        Validate(request, intervals);
        var queues = request.Queues.Select(q => q.Requirements(request.Horizon.IntervalMinutes)).ToArray();
        var immediate = Enumerable.Range(0, intervals.Count).Select(t => queues.Sum(q => q[t].Agents)).ToArray();
        var idleMinutes = Enumerable.Range(0, intervals.Count)
            .Select(t => queues.Sum(q => q[t].Agents * (1 - q[t].Occupancy)) * intervals[t].Minutes)
            .ToArray();
        EnsureCapCoversImmediate(request.MaxProductiveAgents, immediate, intervals);
        var streams = request.WorkTypes.SelectMany(w => WorkStreams.For(w, request.Horizon.Zone, intervals, request.Now)).ToArray();
        var share = request.Shrinkage.ProductiveShare;

        var teamWorks = intervals.Select((_, t) => streams.Any(s => s.Open[t])).ToArray();
        var committed = intervals.Select((interval, t) => (interval.Minutes * immediate[t]) - (request.Blending.IdleShare * idleMinutes[t])).ToArray();

        // The two LPs are independent: solve them side by side.
        var blendedTask = Task.Run(() => CapacityLp.Solve(
            options, streams, intervals, share, (solver, integer) => BlendedHeads(solver, integer, intervals, immediate, request.MaxProductiveAgents, share), committed));
        var silo = CapacityLp.Solve(
            options, streams, intervals, share, (solver, integer) => FlatTeam(solver, integer, intervals, teamWorks), new double[intervals.Count]);
        var blended = blendedTask.GetAwaiter().GetResult();

        var heads = blended.Heads.Select(Whole).ToArray();
        var siloImmediate = immediate.Select(request.Shrinkage.WholeHeads).ToArray();
        var siloTeam = Whole(silo.Heads.Max());
        var workRows = WorkTypeRows(request.WorkTypes, streams, blended.Flow, intervals.Count);
        var rows = intervals.Select((interval, t) => new IntervalRequirement(
            interval,
            [.. queues.Select(q => q[t])],
            workRows[t],
            immediate[t],
            blended.Heads[t] * share,
            heads[t],
            siloImmediate[t] + (teamWorks[t] ? siloTeam : 0))).ToArray();

        var paid = PaidHours(intervals, heads.Select(h => (double)h));
        var bound = blended.Bound - (blended.Objective - PaidHours(intervals, blended.Heads));
        return new RequirementsResult(
            Worse(blended.Status, silo.Status),
            rows,
            [.. streams.SelectMany((s, i) => blended.Status == PlanStatus.NotSolved ? [] : DeadlineReplay.Shortfalls(s, blended.Flow.Planned[i], intervals))],
            new BlendedTotals(paid, bound, paid > 0 ? (paid - bound) / paid : 0, blended.Flow.Penalty, blended.Iterations),
            new SiloTotals(PaidHours(intervals, siloImmediate.Select(h => (double)h)), siloTeam, siloTeam * PaidHours(intervals, teamWorks.Select(w => w ? 1.0 : 0))));
    }

    private static Variable?[] BlendedHeads(
        Solver solver, bool integer, IReadOnlyList<PlanningInterval> intervals, double[] immediate, IReadOnlyList<double>? cap, double share) =>
        [.. intervals.Select((interval, t) =>
        {
            var fewest = immediate[t] / share;
            var most = (cap?[t] ?? double.PositiveInfinity) / share;
            var heads = integer
                ? solver.MakeIntVar(Math.Ceiling(fewest - WholeTolerance), Math.Floor(most + WholeTolerance), string.Empty)
                : solver.MakeNumVar(fewest, most, string.Empty);
            solver.Objective().SetCoefficient(heads, interval.Minutes / 60.0);
            return heads;
        })];

    private static Variable?[] FlatTeam(Solver solver, bool integer, IReadOnlyList<PlanningInterval> intervals, bool[] teamWorks)
    {
        var team = integer ? solver.MakeIntVar(0, double.PositiveInfinity, string.Empty) : solver.MakeNumVar(0, double.PositiveInfinity, string.Empty);
        solver.Objective().SetCoefficient(team, intervals.Where((_, t) => teamWorks[t]).Sum(i => i.Minutes) / 60.0);
        return [.. teamWorks.Select(works => works ? team : null)];
    }

    private static int Whole(double heads) => (int)Math.Ceiling(heads - WholeTolerance);

    private static WorkTypeInterval[][] WorkTypeRows(IReadOnlyList<DeferrableWorkType> types, IReadOnlyList<WorkStream> streams, DeferrableFlowValues flow, int intervalCount)
    {
        var planned = flow.Planned.Length > 0 ? flow.Planned : [.. streams.Select(_ => new double[intervalCount])];
        var trajectories = streams.Select((s, i) => s.Trajectory(planned[i])).ToArray();
        var streamsOf = types.Select(type => Enumerable.Range(0, streams.Count).Where(s => streams[s].WorkType == type.Name).ToArray()).ToArray();
        return [.. Enumerable.Range(0, intervalCount).Select(t => types.Select((type, k) => new WorkTypeInterval(
            type.Name,
            streamsOf[k].Sum(s => planned[s][t]),
            streamsOf[k].Sum(s => trajectories[s].Backlog[t]),
            streamsOf[k].Sum(s => trajectories[s].Overdue[t]))).ToArray())];
    }

    private static double PaidHours(IReadOnlyList<PlanningInterval> intervals, IEnumerable<double> agents) =>
        intervals.Zip(agents, (interval, a) => interval.Minutes / 60.0 * a).Sum();

    private static PlanStatus Worse(PlanStatus a, PlanStatus b) => (PlanStatus)Math.Max((int)a, (int)b);

    private static void EnsureCapCoversImmediate(IReadOnlyList<double>? cap, double[] immediate, IReadOnlyList<PlanningInterval> intervals)
    {
        for (var t = 0; cap is not null && t < intervals.Count; t++)
        {
            if (cap[t] < immediate[t])
            {
                throw new ArgumentException(
                    $"Interval {intervals[t].LocalStart:yyyy-MM-dd HH:mm}: the immediate queues need {immediate[t]} agents but max productive agents is {cap[t]}.",
                    nameof(cap));
            }
        }
    }

    private static void Validate(RequirementsRequest request, IReadOnlyList<PlanningInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(request.Shrinkage);
        ArgumentNullException.ThrowIfNull(request.Blending);
        request.Blending.Validate();
        if (request.Now > intervals[0].StartUtc)
        {
            throw new ArgumentException($"Now {request.Now:O} is after the horizon starts ({intervals[0].StartUtc:O}): plan from the current day.", nameof(request));
        }

        foreach (var name in request.Queues.Select(q => q.Name).Concat(request.WorkTypes.Select(w => w.Name)).GroupBy(n => n).Where(g => g.Count() > 1))
        {
            throw new ArgumentException($"Queue or work type name '{name.Key}' is used twice.", nameof(request));
        }

        foreach (var queue in request.Queues.Where(q => q.Forecast.Count != intervals.Count))
        {
            throw new ArgumentException($"Queue '{queue.Name}' has {queue.Forecast.Count} forecast values for {intervals.Count} planning intervals.", nameof(request));
        }

        if (request.MaxProductiveAgents is { } cap && cap.Count != intervals.Count)
        {
            throw new ArgumentException($"Max productive agents has {cap.Count} values for {intervals.Count} planning intervals.", nameof(request));
        }
    }
}
