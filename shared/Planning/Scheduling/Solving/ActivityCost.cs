using BackOfficeCloud.Planning.Scheduling.Compilation;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// The objective's coverage and deadline parts for agents placed on activities, with the change of adding one agent
/// to an activity in an interval. Phone time of a group with several queues is routed in the
/// proportions the allocation LP planned (the evaluator's routing LP can only do better).
/// </summary>
internal sealed class ActivityCost
{
    /// <summary>The activity index of phone time (all of a group's queues together).</summary>
    public const int Phone = -1;

    private const double Epsilon = 1e-9;

    private readonly CompiledProblem _problem;
    private readonly double[][][] _routing;
    private readonly double[][] _covered;
    private readonly double[][] _capacity;
    private readonly double[][] _done;

    /// <param name="plannedWork">Planned agents of a group on an activity in an interval.</param>
    public ActivityCost(CompiledProblem problem, Func<int, int, int, double> plannedWork)
    {
        _problem = problem;
        var n = problem.Grid.Count;
        _routing = [.. problem.Groups.Select(g => Routing(g, n, plannedWork))];
        _covered = [.. problem.Problem.Queues.Select(_ => new double[n])];
        _capacity = [.. problem.Problem.WorkTypes.Select(_ => new double[n])];
        _done = [.. problem.Problem.WorkTypes.Select(_ => new double[n])];
    }

    /// <summary>Phones (if the group takes calls) and each back-office work type of the group.</summary>
    public static IEnumerable<int> Choices(SkillGroup group)
    {
        if (group.TakesCalls)
        {
            yield return Phone;
        }

        for (var a = 0; a < group.Activities.Count; a++)
        {
            if (!group.Activities[a].IsQueue)
            {
                yield return a;
            }
        }
    }

    /// <summary>Adds (+1) or removes (−1) one agent of the group on the activity over [from, to).</summary>
    public void Move(SkillGroup group, int activity, int from, int to, int delta)
    {
        if (activity == Phone)
        {
            ForEachQueue(group, from, to, (q, t, agents) => _covered[q][t] += delta * agents);
            return;
        }

        var work = group.Activities[activity];
        for (var t = from; t < to; t++)
        {
            _capacity[work.Index][t] += delta * WorkMinutes(work, t);
        }

        Replay(work.Index, from);
    }

    /// <summary>How much the objective changes when one more agent of the group does the activity in interval t.</summary>
    public double Added(SkillGroup group, int activity, int t)
    {
        if (activity == Phone)
        {
            var change = 0.0;
            ForEachQueue(group, t, t + 1, (q, i, agents) => change += QueueCost(q, i, _covered[q][i] + agents) - QueueCost(q, i, _covered[q][i]));
            return change;
        }

        var work = group.Activities[activity];
        return DeadlineChange(work.Index, t, t + 1, work.Proficiency);
    }

    private void ForEachQueue(SkillGroup group, int from, int to, Action<int, int, double> apply)
    {
        for (var a = 0; a < group.Activities.Count; a++)
        {
            var activity = group.Activities[a];
            if (!activity.IsQueue)
            {
                continue;
            }

            for (var t = from; t < to; t++)
            {
                var share = _routing[group.Index][a][t];
                if (share > 0)
                {
                    apply(activity.Index, t, share * activity.Proficiency);
                }
            }
        }
    }

    private double QueueCost(int q, int t, double covered)
    {
        var queue = _problem.Problem.Queues[q];
        var gap = covered - queue.RequiredAgents[t];
        var hours = _problem.Grid.Hours(t);
        return gap < 0 ? -gap * queue.MissingAgentHourCost * hours : gap * _problem.Problem.Weights.OverstaffedAgentHour * hours;
    }

    /// <summary>
    /// The change of the overdue cost when one agent adds (or takes away) work capacity over [from, to): the done
    /// curve is replayed from <paramref name="from"/> until it meets the current one again.
    /// </summary>
    private double DeadlineChange(int w, int from, int to, double proficiencyDelta)
    {
        var done = from == 0 ? 0 : _done[w][from - 1];
        var change = 0.0;
        for (var t = from; t < _problem.Grid.Count; t++)
        {
            var extra = t < to ? proficiencyDelta * _problem.Grid.Intervals[t].Minutes : 0;
            done = Math.Clamp(done + _capacity[w][t] + extra, 0, _problem.ArrivedBy[w][t]);
            change += (Overdue(w, t, done) - Overdue(w, t, _done[w][t])) * _problem.Grid.Hours(t);
            if (t >= to && Math.Abs(done - _done[w][t]) < Epsilon)
            {
                break;
            }
        }

        return change * _problem.Problem.Weights.OverdueWorkMinuteHour;
    }

    private double Overdue(int w, int t, double done) => Math.Max(0, _problem.DueBy[w][t] - done);

    private void Replay(int w, int from)
    {
        var done = from == 0 ? 0 : _done[w][from - 1];
        for (var t = from; t < _problem.Grid.Count; t++)
        {
            _done[w][t] = done = Math.Min(done + _capacity[w][t], _problem.ArrivedBy[w][t]);
        }
    }

    private double WorkMinutes(GroupActivity work, int t) => work.Proficiency * _problem.Grid.Intervals[t].Minutes;

    /// <summary>Per queue activity of the group and interval, the share of its phone agents the LP sends there.</summary>
    private static double[][] Routing(SkillGroup group, int n, Func<int, int, int, double> plannedWork)
    {
        var queues = Enumerable.Range(0, group.Activities.Count).Where(a => group.Activities[a].IsQueue).ToList();
        var routing = group.Activities.Select(_ => new double[n]).ToArray();
        for (var t = 0; t < n; t++)
        {
            var total = queues.Sum(a => plannedWork(group.Index, a, t));
            foreach (var a in queues)
            {
                routing[a][t] = total > Epsilon ? plannedWork(group.Index, a, t) / total : 1.0 / queues.Count;
            }
        }

        return routing;
    }
}
